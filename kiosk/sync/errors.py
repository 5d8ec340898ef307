"""Errors of the sync layer. Each carries a stable `code` and text in Japanese and English.

`CloudUnavailable` is transient (network down, timeout, HTTP 5xx): retry later, the terminal is offline.
`CloudRejected` is the cloud's considered answer (HTTP 4xx with `{"error": {code, message, message_ja}}`).
"""

from __future__ import annotations


class SyncError(Exception):
    code = "sync_error"
    message = "Synchronisation failed."
    message_ja = "同期に失敗しました。"

    def __init__(self, message: str | None = None, message_ja: str | None = None) -> None:
        if message is not None:
            self.message = message
        if message_ja is not None:
            self.message_ja = message_ja
        super().__init__(self.message)


class CloudUnavailable(SyncError):
    """Network error, timeout or HTTP 5xx: transient."""

    code = "cloud_unavailable"
    message = "The points cloud cannot be reached; the terminal works offline and will retry."
    message_ja = "ポイントクラウドに接続できません。オフラインで動作し、あとで再送します。"

    def __init__(self, detail: str = "", status: int | None = None) -> None:
        super().__init__()
        self.detail = detail
        self.status = status

    def __str__(self) -> str:
        return f"{self.message} ({self.detail})" if self.detail else self.message


class CloudRejected(SyncError):
    """The cloud refused the request (HTTP 4xx); `code` is the cloud's error code."""

    def __init__(self, code: str, message: str, message_ja: str, status: int = 400) -> None:
        self.code = code
        self.status = status
        super().__init__(message, message_ja)

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class CloudProtocolError(CloudUnavailable):
    """The cloud answered something this terminal does not understand (treated as transient)."""

    code = "cloud_protocol_error"


class KeyringUnavailable(SyncError):
    code = "keyring_unavailable"
    message = ("No secure credential store (OS keyring) is available, so this terminal cannot be enrolled. "
               "Ask your administrator to set up the keyring, or use demo mode.")
    message_ja = ("安全な資格情報の保管場所（OSのキーリング）が使えないため、この端末を登録できません。"
                  "管理者にキーリングの設定を依頼するか、デモモードを使ってください。")


class InsecureCloudUrl(SyncError):
    """The cloud address is not https (only a loopback address may use plain http), or the unencrypted demo
    keyring was asked to hold credentials for a cloud that is not on this machine."""

    code = "insecure_cloud_url"
    message = ("The points cloud address must start with https:// (plain http:// is allowed only for this "
               "computer itself, e.g. http://127.0.0.1). Ask your administrator for the correct address.")
    message_ja = ("ポイントクラウドのアドレスは https:// で始まる必要があります（http:// はこのコンピューター自身、"
                  "例えば http://127.0.0.1 の場合のみ使えます）。正しいアドレスを管理者に確認してください。")


class DemoKeyringNotLocal(InsecureCloudUrl):
    code = "demo_keyring_not_local"
    message = ("Demo mode keeps credentials in an unencrypted file, so it may only be used with a points cloud "
               "on this computer (a loopback address).")
    message_ja = ("デモモードは資格情報を暗号化されていないファイルに保存するため、このコンピューター上の"
                  "ポイントクラウド（ループバックアドレス）でのみ使えます。")


class NotEnrolled(SyncError):
    code = "not_enrolled"
    message = "This terminal is not enrolled with the points cloud yet."
    message_ja = "この端末はまだポイントクラウドに登録されていません。"


class OfflineRefused(SyncError):
    """An offline check refused a voucher or payment; `code` says why."""

    def __init__(self, code: str, message: str, message_ja: str) -> None:
        self.code = code
        super().__init__(message, message_ja)

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"
