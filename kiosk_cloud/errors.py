"""API errors and the one place that turns every failure into ``{"error": {code, message, message_ja}}``."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

from kiosk.core.errors import DomainError
from kiosk.core.rules.refusal import Refused

_log = logging.getLogger("kiosk_cloud.errors")

# code -> (HTTP status, English, Japanese). Domain codes from kiosk.core.errors are listed too.
MESSAGES: dict[str, tuple[int, str, str]] = {
    "validation_error": (422, "The request is not valid.", "リクエストの内容が正しくありません。"),
    "not_found": (404, "Not found.", "見つかりません。"),
    "method_not_allowed": (405, "Method not allowed.", "この操作はできません。"),
    "unauthorized": (401, "Terminal credentials are missing or not valid.", "端末の認証情報がないか、正しくありません。"),
    "terminal_revoked": (401, "This terminal has been revoked.", "この端末は失効しています。"),
    "forbidden_role": (403, "This terminal's role may not do this.", "この端末の役割ではこの操作はできません。"),
    "enrolment_code_invalid": (400, "The enrolment code is not valid, expired or already used.",
                               "登録コードが無効か、期限切れか、使用済みです。"),
    "invalid_role": (422, "Unknown terminal role.", "端末の役割が正しくありません。"),
    "staff_login_failed": (401, "Staff code or password is wrong.", "職員コードまたはパスワードが違います。"),
    "challenge_invalid": (400, "The authentication challenge is unknown, expired or already used.",
                          "認証チャレンジが無効か、期限切れか、使用済みです。"),
    "certificate_invalid": (400, "The card's certificate could not be read.", "カードの証明書を読み取れませんでした。"),
    "certificate_untrusted": (400, "The card's certificate is not issued by a trusted authority.",
                              "カードの証明書が信頼できる認証局から発行されていません。"),
    "certificate_expired": (400, "The card's certificate has expired.", "カードの証明書の有効期限が切れています。"),
    "certificate_revoked": (400, "The card's certificate has been revoked.", "カードの証明書は失効しています。"),
    "signature_invalid": (400, "The card's signature does not match.", "カードの署名が一致しません。"),
    "auth_token_invalid": (401, "The resident's authentication has expired; please tap the card again.",
                           "本人確認の有効期限が切れました。もう一度カードをかざしてください。"),
    "mykey_id_taken": (409, "This MyKey ID is already in use.", "このマイキーIDはすでに使われています。"),
    "mykey_id_unknown": (404, "No such MyKey ID.", "マイキーIDが見つかりません。"),
    "mykey_id_not_valid": (409, "This MyKey ID is invalid or suspended.", "このマイキーIDは無効または停止中です。"),
    "certificate_already_bound": (409, "This card already has a MyKey ID.", "このカードにはすでにマイキーIDがあります。"),
    "certificate_not_bound": (404, "This card has no MyKey ID yet.", "このカードにはまだマイキーIDがありません。"),
    "rebind_not_possible": (409, "The previous certificate cannot be matched to this card.",
                            "以前の証明書とこのカードを対応づけられません。"),
    "service_id_taken": (409, "This service ID is already registered.", "このサービスIDはすでに登録されています。"),
    "unknown_point_type": (404, "Unknown point type.", "ポイントの種類が見つかりません。"),
    "unknown_programme": (404, "Unknown grant programme.", "付与事業が見つかりません。"),
    "unknown_shop": (404, "Unknown shop.", "店舗が見つかりません。"),
    "unknown_measure": (404, "Unknown measure.", "施策が見つかりません。"),
    "unknown_application": (404, "Unknown application.", "申込が見つかりません。"),
    "unknown_payment": (404, "Unknown payment.", "支払いが見つかりません。"),
    "unknown_voucher": (404, "Unknown voucher.", "ポイント券が見つかりません。"),
    "programme_inactive": (409, "This grant programme is closed.", "この付与事業は終了しています。"),
    "terminal_has_no_shop": (409, "This terminal is not assigned to a shop.", "この端末は店舗に割り当てられていません。"),
    "reversal_window_passed": (409, "The payment can no longer be reversed.", "この支払いはもう取り消せません。"),
    "already_reversed": (409, "The payment has already been reversed.", "この支払いはすでに取り消されています。"),
    "idempotency_key_reused": (409, "The idempotency key was used for a different operation.",
                               "同じ識別キーが別の操作に使われています。"),
    "voucher_already_used": (409, "This voucher has already been used.", "このポイント券はすでに使用済みです。"),
    "voucher_voided": (409, "This voucher has been voided.", "このポイント券は無効にされています。"),
    "voucher_not_redeemed": (409, "This voucher has not been used.", "このポイント券は使用されていません。"),
    "voucher_shop_not_allowed": (409, "This voucher cannot be used at this shop (the municipality's voucher rule "
                                      "names the shops that accept it).",
                                 "このポイント券はこの店舗では使用できません（使用できる店舗は市の定めによります）。"),
    "not_pre_registered": (409, "This MyKey ID is not registered for the programme.",
                           "このマイキーIDは事業に登録されていません。"),
    "duplicate_grant": (409, "This programme's points were already granted to this MyKey ID (its repeat rule).",
                        "この付与事業のポイントは、このマイキーIDにすでに付与済みです（付与回数のルール）。"),
    "already_attended": (409, "Attendance has already been recorded.", "出席はすでに登録されています。"),
    "not_eligible": (409, "The application is not possible.", "申込の条件を満たしていません。"),
    "application_not_pending": (409, "The application has already been reviewed.", "この申込はすでに審査済みです。"),
    "payment_service_unknown": (422, "Unknown payment service for this measure.", "この施策では選べない決済サービスです。"),
    "unknown_operation_kind": (422, "Unknown operation kind.", "操作の種類が正しくありません。"),
    "offline_limit_exceeded": (409, "Offline payment above the offline limit.", "オフライン上限を超えた支払いです。"),
    "support_event_exists": (409, "A support-event account with this name already exists.",
                             "この名前の特定支援イベント口座はすでにあります。"),
    "bad_month": (422, "Month must be YYYY-MM.", "月はYYYY-MMの形式で指定してください。"),
    # the municipality's administration (issue 12)
    "bad_period": (422, "The period must be YYYY-MM, YYYY or FYYYYY.",
                   "期間はYYYY-MM、YYYY または FYYYYY（年度）の形式で指定してください。"),
    "nothing_changed": (409, "Nothing was changed: the values are the ones already set.",
                        "変更はありません（すでに同じ値です）。"),
    "concurrent_change": (409, "The same data was changed at the same moment; please try again.",
                          "同時に同じデータが変更されました。もう一度お試しください。"),
    "point_type_exists": (409, "A point type with this code already exists.", "このコードのポイントの種類はすでにあります。"),
    "programme_in_use": (409, "Points of this programme were already granted: its point type cannot change.",
                         "この付与事業のポイントはすでに付与されているため、ポイントの種類は変更できません。"),
    # the resident's signed consent to a debit (issue 8; kiosk.core.consent, services/consent.py)
    "consent_missing": (422, "The resident's consent (card signature) is missing.",
                        "ご本人の同意（カードによる署名）がありません。"),
    "consent_malformed": (400, "The resident's consent cannot be read.", "ご本人の同意の内容を読み取れません。"),
    "consent_mismatch": (409, "The resident's consent is for a different transaction.",
                         "ご本人の同意の内容が、この取引と一致しません。"),
    "consent_stale": (409, "The resident's consent is too old; please confirm again with the card.",
                      "ご本人の同意の時刻が古すぎます。もう一度カードで確認してください。"),
    "consent_future": (409, "The resident's consent is dated in the future; check the terminal's clock.",
                       "ご本人の同意の時刻が未来になっています。端末の時計を確認してください。"),
    "consent_bad_signature": (400, "The card's signature on the consent does not match.",
                              "同意へのカードの署名が一致しません。"),
    "consent_replayed": (409, "This consent has already been used.", "この同意はすでに使用されています。"),
    # the clerk's session and second-staff confirmations (issue 8; services/staff_auth.py)
    "staff_session_required": (401, "A staff member must be logged in on this terminal.",
                               "この端末で職員のログインが必要です。"),
    "staff_session_invalid": (401, "The staff login is not valid on this terminal or has ended; please log in again.",
                              "職員のログインがこの端末で無効か、終了しています。もう一度ログインしてください。"),
    "staff_session_expired": (401, "The staff login ended after a period without use; please log in again.",
                              "一定時間操作がなかったため職員のログインが終了しました。もう一度ログインしてください。"),
    "staff_login_locked": (429, "Too many failed logins; try again later.",
                           "ログインの失敗が多すぎます。しばらくしてからもう一度お試しください。"),
    "forbidden_staff_role": (403, "This staff member's role may not do this.", "この職員の役割ではこの操作はできません。"),
    "second_staff_required": (403, "A second staff member must confirm this.", "別の職員による確認が必要です。"),
    "second_staff_invalid": (403, "The confirming staff member's code or password is wrong, or it is the same person.",
                             "確認する職員のコードまたはパスワードが違うか、同じ職員です。"),
    "rebind_proof_required": (403, "Re-binding needs the old certificate's authentication or a second staff member's "
                              "approval.", "再登録には、以前の証明書による本人確認か、別の職員の承認が必要です。"),
    "resident_proof_required": (403, "The resident's card authentication or a counter staff login is needed to read "
                                "this.", "この情報を見るには、ご本人のカードによる確認か、窓口職員のログインが必要です。"),
    # limits the cloud enforces (issue 8; services/timewindow.py, limits.py, services/trust.py, voucher keys)
    "operation_time_out_of_window": (409, "The operation's time is outside the offline window or ahead of the "
                                     "cloud's clock; it is kept for review and nothing was applied.",
                                     "操作の時刻がオフライン期間の範囲外か、クラウドの時計より先になっています。"
                                     "確認のため保留し、何も反映していません。"),
    "body_too_large": (413, "The request is too large.", "リクエストが大きすぎます。"),
    "rate_limited": (429, "Too many requests from this address; try again later.",
                     "このアドレスからのリクエストが多すぎます。しばらくしてからもう一度お試しください。"),
    "revocation_list_stale": (409, "The card revocation list is out of date, so cards cannot be checked now; the "
                              "administrator must install the current list.",
                              "カードの失効リストが古いため、現在カードを確認できません。管理者が最新の失効リストを"
                              "登録する必要があります。"),
    "revocation_list_older": (409, "This revocation list is older than the one installed; it was not installed.",
                              "この失効リストは登録済みのものより古いため、登録しませんでした。"),
    "revocation_list_invalid": (422, "The revocation list cannot be read or is not signed by a trusted authority.",
                                "失効リストを読み取れないか、信頼できる認証局の署名がありません。"),
    "voucher_key_revoked": (400, "The voucher was signed with a key that has been revoked.",
                            "ポイント券の署名鍵は失効しています。"),
    "voucher_key_expired": (400, "The voucher's signing key was not valid when it was signed, or is no longer "
                            "accepted.", "ポイント券の署名鍵は、署名の時点で有効でないか、すでに受け付けられません。"),
    "unknown_voucher_key": (404, "Unknown voucher signing key.", "ポイント券の署名鍵が見つかりません。"),
    # kiosk.core.errors
    "domain_error": (400, "The request cannot be carried out.", "この操作は実行できません。"),
    "invalid_mykey_id": (422, "A MyKey ID has 8 letters or digits.", "マイキーIDは英数字8文字です。"),
    "invalid_points": (422, "Points must be a whole number of at least 1.", "ポイントは1以上の整数で入力してください。"),
    "insufficient_points": (409, "Not enough points.", "ポイントが足りません。"),
    "points_expired": (409, "The points have expired: expired points cannot be used.",
                       "ポイントの有効期限が切れています。有効期限が切れたポイントは使えません。"),
    "voucher_number_invalid": (422, "The voucher number is not valid.", "発券番号が正しくありません。"),
    "voucher_invalid": (400, "The voucher is not valid.", "ポイント券が無効です。"),
    "voucher_malformed": (400, "The voucher code cannot be read.", "ポイント券のコードを読み取れません。"),
    "voucher_unknown_key": (400, "The voucher was signed with an unknown key.", "ポイント券の署名鍵が不明です。"),
    "voucher_bad_signature": (400, "The voucher is forged or altered.", "ポイント券が偽造または改ざんされています。"),
    "voucher_not_yet_valid": (400, "The voucher is not valid yet.", "ポイント券はまだ使用できません。"),
    "voucher_expired": (400, "The voucher has expired.", "ポイント券の有効期限が切れています。"),
    "invalid_measure": (422, "The measure is not valid.", "施策の内容が正しくありません。"),
    # the commerce-association office (issue 11)
    "settlement_closed": (409, "This settlement is closed and cannot change.", "この精算は締め済みのため変更できません。"),
    "settlement_not_closed": (409, "Close the settlement first.", "先に精算を締めてください。"),
    "settlement_open_exists": (409, "Another settlement is still open; close it first.",
                               "締めていない精算があります。先に締めてください。"),
    "settlement_period_invalid": (422, "The period must start the day after the last settlement ends and not end "
                                  "before it starts.", "期間は前回の精算の翌日から始まり、開始日以降に終わる必要があります。"),
    "settlement_period_not_over": (409, "The period has not started yet; it cannot be closed.",
                                   "精算期間がまだ始まっていないため締められません。"),
    "bank_account_missing": (409, "A shop to be paid or the association has no bank account on record.",
                             "振込先または振込元の口座が登録されていません。"),
    "bank_code_unknown": (422, "No bank with this code in the bank code list.", "この金融機関コードは登録されていません。"),
    "branch_code_unknown": (422, "No branch with this code at this bank.", "この支店コードはこの金融機関にありません。"),
    "account_invalid": (422, "The account type or number is not valid.", "預金種目または口座番号が正しくありません。"),
    "zengin_name_invalid": (422, "The account holder's name has characters a bank transfer cannot carry, or is too "
                            "long.", "口座名義に振込で使えない文字があるか、長すぎます。"),
    "cash_sale_not_offered": (409, "The municipality does not sell these points for cash.",
                              "このポイントは現金販売の対象ではありません。"),
    "cash_sale_over_limit": (409, "Over the municipality's limit for cash sales.", "現金販売の上限を超えています。"),
    "exchange_invalid": (422, "The certificate serials or the card number do not match the points.",
                         "商品券の番号またはカード番号がポイント数と合いません。"),
    "voucher_not_reprintable": (409, "Only an unused voucher can be printed again.",
                                "再印刷できるのは未使用のポイント券だけです。"),
    "voucher_validity_over_rule": (409, "The validity is longer than the municipality's voucher rule allows.",
                                   "有効期間が自治体のポイント券ルールで認められた期間を超えています。"),
    "voucher_points_over_rule": (409, "One voucher would carry more points than the voucher rule allows.",
                                 "1枚のポイント券のポイント数が自治体のポイント券ルールの上限を超えています。"),
    # operations (issue 13): health and metrics
    "database_unavailable": (503, "The points cloud cannot reach its database; try again shortly.",
                             "ポイントクラウドがデータベースに接続できません。しばらくしてから再度お試しください。"),
    "schema_not_current": (503, "The database schema does not match this version of the points cloud.",
                           "データベースの構成がこのバージョンのポイントクラウドと一致しません。"),
    "metrics_forbidden": (403, "Metrics may only be read from this machine (or with the metrics token).",
                          "監視用の数値はこのサーバー上から（または監視用トークンで）のみ取得できます。"),
    "metrics_token_invalid": (401, "The metrics token is missing or wrong.", "監視用トークンがないか、正しくありません。"),
}


class ApiError(Exception):
    """A refusal with a documented code; `detail` is an optional English addition (never secrets)."""

    def __init__(self, code: str, detail: str = "", status: int | None = None, **extra: Any) -> None:
        if status is not None and not isinstance(status, int):  # a record's own `status` (e.g. a voucher's), not HTTP
            extra["status"], status = status, None
        super().__init__(code)
        self.code = code
        self.detail = detail
        self.status = status
        self.extra = extra


def describe(code: str, detail: str = "") -> tuple[int, str, str]:
    status, message, message_ja = MESSAGES.get(code, MESSAGES["domain_error"])
    if detail:
        message = f"{message} ({detail})"
    return status, message, message_ja


def error_body(code: str, detail: str = "", **extra: Any) -> dict[str, Any]:
    _, message, message_ja = describe(code, detail)
    body: dict[str, Any] = {"code": code, "message": message, "message_ja": message_ja}
    body.update(extra)
    return {"error": body}


def error_of(exc: Exception) -> tuple[int, dict[str, Any]]:
    """(HTTP status, body) for an ApiError or DomainError."""
    if isinstance(exc, ApiError):
        status = exc.status or describe(exc.code)[0]
        return status, error_body(exc.code, exc.detail, **exc.extra)
    if isinstance(exc, Refused):  # a rule of kiosk.core.rules said no
        return describe(exc.code)[0], error_body(exc.code, exc.detail, **exc.extra)
    if isinstance(exc, DomainError):
        extra: dict[str, Any] = {}
        if hasattr(exc, "available"):
            extra["available"] = exc.available
        return describe(exc.code)[0], error_body(exc.code, exc.message, **extra)
    raise TypeError(exc)


def install_error_handlers(app: FastAPI) -> None:
    async def api_error(_: Request, exc: Exception) -> JSONResponse:
        status, body = error_of(exc)
        return JSONResponse(body, status_code=status)

    async def validation_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        detail = f"{where}: {first.get('msg', '')}" if where else str(first.get("msg", ""))
        return JSONResponse(error_body("validation_error", detail[:200]), status_code=422)

    async def http_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized"}.get(
            exc.status_code, "validation_error"
        )
        return JSONResponse(error_body(code), status_code=exc.status_code, headers=exc.headers)

    async def integrity_error(_: Request, exc: Exception) -> JSONResponse:
        # Safety net: a unique or foreign-key constraint the service code did not foresee (two requests at once).
        # The transaction has been rolled back, so nothing half-written stays.
        return JSONResponse(error_body("concurrent_change"), status_code=409)

    async def database_error(_: Request, exc: Exception) -> JSONResponse:
        # Any other database failure (the server gone, a disk full, a trigger refusing): the transaction was rolled
        # back, nothing was written, and the terminal keeps the operation in its outbox and sends it again (a 5xx).
        _log.error("database error: %s", type(getattr(exc, "orig", exc)).__name__)
        return JSONResponse(error_body("database_unavailable"), status_code=503)

    app.add_exception_handler(IntegrityError, integrity_error)
    app.add_exception_handler(DBAPIError, database_error)
    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(DomainError, api_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
