"""Typed card errors. Each has a stable `code`, a Japanese and an English message for residents and clerks.

No error ever carries a PIN: messages are built from tries-left counts and status words only.
"""

from __future__ import annotations


class CardError(Exception):
    code = "card_error"
    message_ja = "カードの読み取りでエラーが発生しました。"
    message_en = "The card could not be read."

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.message_en)
        self.detail = detail


class NoReader(CardError):
    code = "no_reader"
    message_ja = "カードリーダーが見つかりません。接続を確認してください。"
    message_en = "No card reader was found. Check that it is connected."


class ReaderGone(CardError):
    code = "reader_gone"
    message_ja = "カードリーダーが外されました。接続を確認してください。"
    message_en = "The card reader was disconnected. Check its connection."


class NoCard(CardError):
    code = "no_card"
    message_ja = "カードをリーダーに置いてください。"
    message_en = "Please place the card on the reader."


class CardRemoved(CardError):
    code = "card_removed"
    message_ja = "カードが離れました。もう一度カードを置いてください。"
    message_en = "The card was removed. Please place it on the reader again."


class CardTimeout(CardError):
    code = "card_timeout"
    message_ja = "カードの応答がありません。カードを置き直してください。"
    message_en = "The card did not answer in time. Please place it on the reader again."


class NotMyNumberCard(CardError):
    code = "not_my_number_card"
    message_ja = "マイナンバーカードではないようです。マイナンバーカードを置いてください。"
    message_en = "This does not seem to be a My Number Card. Please place your My Number Card."


class NoUserAuthCertificate(CardError):
    code = "no_user_auth_certificate"
    message_ja = "このカードには利用者証明用電子証明書が入っていません。窓口でご相談ください。"
    message_en = "This card holds no user-authentication certificate. Please ask at the municipal counter."


class InvalidPinFormat(CardError):
    code = "invalid_pin_format"
    message_ja = "暗証番号は数字4桁で入力してください。"
    message_en = "The PIN must be 4 digits."


class WrongPin(CardError):
    code = "wrong_pin"

    def __init__(self, tries_left: int, pin: str = "jpki") -> None:
        self.tries_left = tries_left
        self.pin = pin  # which PIN ("jpki" or "text"), never its value
        self.message_ja = f"暗証番号が違います。残り{tries_left}回です。"
        self.message_en = f"Wrong PIN. {tries_left} {'try' if tries_left == 1 else 'tries'} left."
        if tries_left == 1:
            self.message_ja += "次に間違えるとロックされ、市区町村窓口での手続きが必要になります。"
            self.message_en += " One more wrong PIN locks it; unlocking needs a visit to the municipal counter."
        super().__init__(f"wrong {pin} PIN, {tries_left} tries left")


class PinBlocked(CardError):
    code = "pin_blocked"
    message_ja = "暗証番号がロックされています。本人確認書類を持って市区町村窓口で解除してください。"
    message_en = "The PIN is locked. Please have it unlocked at the municipal counter with photo ID."

    def __init__(self, pin: str = "jpki") -> None:
        self.pin = pin
        super().__init__(f"{pin} PIN blocked")


class SecurityNotSatisfied(CardError):
    code = "pin_required"
    message_ja = "暗証番号の確認が必要です。"
    message_en = "The PIN must be verified first."


class ForbiddenApdu(CardError):
    """The APDU guard refused a command (the individual number and the card-face AP are out of bounds)."""

    code = "forbidden_apdu"
    message_ja = "この操作は許可されていません。"
    message_en = "This card operation is not allowed."


class CardProtocolError(CardError):
    code = "card_error"

    def __init__(self, sw: int, what: str = "") -> None:
        self.sw = sw
        super().__init__(f"{what or 'card command'} failed with status {sw:04X}")


class BasicItemsMalformed(CardError):
    code = "basic_items_malformed"
    message_ja = "券面事項を読み取れませんでした。"
    message_en = "The card's basic items could not be read."


class ConsentRequired(CardError):
    code = "consent_required"
    message_ja = "券面事項の読み取りにはご本人の同意が必要です。"
    message_en = "Reading the card's basic items needs the resident's consent."


class MunicipalityUnknown(CardError):
    code = "municipality_unknown"
    message_ja = "住所から市区町村を特定できませんでした。"
    message_en = "The municipality could not be determined from the address."
