"""Why the job ended (离职原因): only an end against the person's will qualifies.

广东省失业保险条例第十六条 (社会保险法第四十五条): 非因本人意愿中断就业. The two ends by the
person's own will (resignation, an agreed end proposed by the worker) do not qualify; every
other end listed here does.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from ..engine.errors import InputError


class SeparationReason(StrEnum):
    """Why the job ended (离职原因). Only an end against the person's will qualifies (art. 16)."""

    CONTRACT_EXPIRED = "contract_expired"
    EMPLOYER_BANKRUPT = "employer_bankrupt"
    EMPLOYER_CLOSED = "employer_closed"
    DISMISSED = "dismissed"
    AGREED_AT_EMPLOYER_PROPOSAL = "agreed_at_employer_proposal"
    QUIT_FOR_EMPLOYER_FAULT = "quit_for_employer_fault"
    VOLUNTARY_RESIGNATION = "voluntary_resignation"
    AGREED_AT_WORKER_PROPOSAL = "agreed_at_worker_proposal"

    @property
    def zh(self) -> str:
        return _REASON_ZH[self]

    @property
    def en(self) -> str:
        return _REASON_EN[self]

    @property
    def eligible(self) -> bool:
        """Whether this end of the job qualifies for unemployment benefit (非本人意愿中断就业)."""
        return self not in _NOT_ELIGIBLE

    @classmethod
    def parse(cls, value: Any, field: str = "reason") -> SeparationReason:
        """Accept a code (``"voluntary_resignation"``) or the Chinese label."""
        if isinstance(value, SeparationReason):
            return value
        if isinstance(value, str):
            key = value.strip()
            for r in cls:
                if key.lower() == r.value or key == r.zh:
                    return r
        codes = ", ".join(r.value for r in cls)
        names = "；".join(r.zh for r in cls)
        raise InputError(field, f"未知离职原因“{value}”，可选：{names}", f"unknown reason {value!r}; one of: {codes}")


_REASON_ZH = {
    SeparationReason.CONTRACT_EXPIRED: "劳动合同期满未续订",
    SeparationReason.EMPLOYER_BANKRUPT: "用人单位依法宣告破产",
    SeparationReason.EMPLOYER_CLOSED: "用人单位被撤销、吊销营业执照、责令关闭或提前解散",
    SeparationReason.DISMISSED: "被用人单位解除劳动合同（含辞退、开除、除名）",
    SeparationReason.AGREED_AT_EMPLOYER_PROPOSAL: "用人单位提出、双方协商一致解除劳动合同",
    SeparationReason.QUIT_FOR_EMPLOYER_FAULT: "因用人单位过错由本人解除劳动合同（劳动合同法第三十八条）",
    SeparationReason.VOLUNTARY_RESIGNATION: "本人自愿辞职",
    SeparationReason.AGREED_AT_WORKER_PROPOSAL: "本人提出、双方协商一致解除劳动合同",
}
_REASON_EN = {
    SeparationReason.CONTRACT_EXPIRED: "contract expired and not renewed",
    SeparationReason.EMPLOYER_BANKRUPT: "employer declared bankrupt",
    SeparationReason.EMPLOYER_CLOSED: "employer dissolved, closed or its licence revoked",
    SeparationReason.DISMISSED: "dismissed by the employer",
    SeparationReason.AGREED_AT_EMPLOYER_PROPOSAL: "ended by agreement, proposed by the employer",
    SeparationReason.QUIT_FOR_EMPLOYER_FAULT: "the worker quit because of the employer's fault (LCL art. 38)",
    SeparationReason.VOLUNTARY_RESIGNATION: "voluntary resignation",
    SeparationReason.AGREED_AT_WORKER_PROPOSAL: "ended by agreement, proposed by the worker",
}
_NOT_ELIGIBLE = frozenset({SeparationReason.VOLUNTARY_RESIGNATION, SeparationReason.AGREED_AT_WORKER_PROPOSAL})
#: Used when the caller gives no reason; the result says so.
DEFAULT_REASON = SeparationReason.CONTRACT_EXPIRED
