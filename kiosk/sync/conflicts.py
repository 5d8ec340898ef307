"""Readable text for the conflicts the cloud reports at sync, with what to do, in Japanese and English.

The cloud answers `conflict` with a detail object (`problem` for vouchers, `problems` + `shortfall` for offline
payments) and no text of its own; the terminal words it for the shop's staff. The cloud keeps the same record
for the office (`GET /v1/conflicts`).
"""

from __future__ import annotations

from typing import Any

_TEXT: dict[str, tuple[str, str]] = {  # code -> (English, 日本語); {shortfall} and {number} are filled in
    "voucher_already_used": (
        "Voucher {number} had already been used at another shop while this terminal was offline. Keep the paper "
        "voucher; the commerce-association office will contact you about settlement.",
        "ポイント券 {number} は、この端末がオフラインの間に別の店舗で先に使用されていました。"
        "券面を保管してください。精算については商店街事務局から連絡します。"),
    "voucher_voided": (
        "Voucher {number} had been voided by the office before it was used here. Keep the paper voucher; the "
        "office will contact you.",
        "ポイント券 {number} は、ここで使用される前に事務局により無効にされていました。"
        "券面を保管してください。事務局から連絡します。"),
    "voucher_shop_not_allowed": (
        "Voucher {number} cannot be used at this shop (the municipality's voucher rule names the shops that accept "
        "it); it was taken while this terminal was offline and is not credited. Keep the paper voucher; the office "
        "will contact you.",
        "ポイント券 {number} はこの店舗では使用できません（使用できる店舗は市の定めによります）。"
        "オフラインの間に受け付けたため、精算の対象になりません。券面を保管してください。事務局から連絡します。"),
    "insufficient_points": (
        "An offline card payment was larger than the balance: {shortfall} points could not be collected. The "
        "office will settle it with the resident; no action is needed at the shop.",
        "オフラインのカード決済で残高が不足していました（{shortfall} ポイント不足）。"
        "事務局が利用者と精算します。店舗での対応は不要です。"),
    "offline_limit_exceeded": (
        "An offline card payment exceeded the municipality's offline limit. The office will review it.",
        "オフラインのカード決済が自治体のオフライン上限を超えていました。事務局が確認します。"),
    "voucher_presented_elsewhere": (
        "Voucher {number}, accepted at this shop, was also presented at another shop while offline. Your "
        "redemption stands and no action is needed here; the office settles the second use with the other shop.",
        "このお店で受け付けたポイント券 {number} が、オフラインの間に別の店舗でも提示されていました。"
        "このお店での利用は有効です。店舗での対応は不要です（もう一方の店舗との精算は事務局が行います）。"),
    "consent_refused": (
        "An offline card payment was not accepted by the cloud: the resident's card signature could not be "
        "verified ({proof}). Nothing was taken from the resident's points; the office will review it with the shop.",
        "オフラインのカード決済は、カードの署名を確認できなかったため（{proof}）クラウドで受け付けられませんでした。"
        "利用者のポイントは引かれていません。事務局が店舗と確認します。"),
    "operation_time_out_of_window": (
        "This operation reached the cloud with a time outside the municipality's offline window (too old, or "
        "ahead of the cloud's clock). Nothing was applied; the office will review it. Check this terminal's clock "
        "and connect it more often.",
        "この操作は、自治体が定めるオフライン期間の範囲外の時刻（古すぎる、またはクラウドの時計より先）でクラウドに"
        "届きました。何も反映されていません。事務局が確認します。端末の時計を確認し、より頻繁に接続してください。"),
    "conflict": (
        "The cloud recorded a conflict for this operation. The office will review it.",
        "この操作についてクラウドで不整合が記録されました。事務局が確認します。"),
}


def describe_conflict(kind: str, detail: dict[str, Any] | None,
                      involvement: str = "attempted_here") -> tuple[str, str, str]:
    """(code, English, Japanese) for a conflict result. `involvement` is how this shop took part (the cloud's
    `GET /v1/conflicts` for shops): `attempted_here` (its own operation) or `redeemed_here` (its earlier use of
    the voucher stands; another shop presented it again)."""
    detail = detail or {}
    problems = list(detail.get("problems") or [])
    if detail.get("problem"):
        problems.insert(0, str(detail["problem"]))
    if detail.get("proof"):  # the resident's consent was missing or bad: nothing debited (issue 8)
        problems.insert(0, "consent_refused")
    code = next((p for p in problems if p in _TEXT), "conflict")
    if involvement == "redeemed_here" and code in ("voucher_already_used", "voucher_voided"):
        code = "voucher_presented_elsewhere"
    english, japanese = _TEXT[code]
    values = {"shortfall": detail.get("shortfall", "?"), "number": detail.get("number", ""),
              "proof": detail.get("proof", "")}
    return code, english.format(**values), japanese.format(**values)
