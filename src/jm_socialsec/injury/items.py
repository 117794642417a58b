"""The items of a result (待遇项目): each with its payer, in the catalogue's words.

``BenefitItem`` and ``UncoveredItem`` are fields of the results, so they are built with the
amounts; their labels and notes come from ``[item.*]`` / ``[reason.*]`` in ``texts.toml``
(a dictionary look-up: the catalogue is loaded once).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from ..engine.errors import NotCovered
from ..engine.tables import Unit
from ..engine.texts import catalogue, fill, pair
from .models import BenefitItem, Payer, UncoveredItem


@cache
def _pair(section: str, key: str, field: str) -> tuple[str, str]:
    return pair(catalogue("injury")[section][key], field)


def text(section: str, key: str, field: str = "text", **values: Any) -> tuple[str, str]:
    """A catalogue pair filled with ``values`` (Chinese, English)."""
    zh, en = _pair(section, key, field)
    if not values:
        return zh, en
    return fill(zh, values, "zh"), fill(en, values, "en")


def item(item_id: str, amount: Decimal | None, unit: Unit, payer: Payer, **values: Any) -> BenefitItem:
    """One item with its payer; its note (if any) filled with ``values``."""
    label_zh, label_en = _pair("item", item_id, "label")
    note_zh, note_en = text("item", item_id, "note", **values)
    return BenefitItem.model_construct(
        id=item_id,
        label_zh=label_zh,
        label_en=label_en,
        amount=amount,
        unit=unit,
        payer=payer,
        note_zh=note_zh,
        note_en=note_en,
    )


def withheld(item_id: str, payer: Payer, first_grade: int) -> BenefitItem:
    """A leaving grant withheld by 广东 2019 art. 32: 0.00, with the reason."""
    label_zh, label_en = _pair("item", item_id, "label")
    note_zh, note_en = text("item", "withheld", "note", first_grade=first_grade, item_zh=label_zh, item_en=label_en)
    return BenefitItem.model_construct(
        id=item_id,
        label_zh=label_zh,
        label_en=label_en,
        amount=Decimal("0.00"),
        unit=Unit.YUAN,
        payer=payer,
        note_zh=note_zh,
        note_en=note_en,
    )


def uncovered(item_id: str, reason_zh: str, reason_en: str, param: str | None) -> UncoveredItem:
    """An item that could not be computed, with the reason."""
    label_zh, label_en = _pair("item", item_id, "label")
    return UncoveredItem.model_construct(
        id=item_id, label_zh=label_zh, label_en=label_en, reason_zh=reason_zh, reason_en=reason_en, param=param
    )


def refusal(errors: list[tuple[UncoveredItem, NotCovered | None]], on: Any) -> NotCovered:
    """Nothing could be computed: one :class:`NotCovered` carrying every item's reason."""
    first = next((cause for _, cause in errors if cause is not None), None)
    why_zh = "；".join(f"{u.label_zh}：{u.reason_zh}" for u, _ in errors)
    why_en = "; ".join(f"{u.label_en}: {u.reason_en}" for u, _ in errors)
    if first is None:
        return NotCovered("injury.provincial_pooling_since", on, None, None, why_zh, why_en)
    return NotCovered(first.param, on, first.covered_from, first.covered_until, why_zh, why_en)
