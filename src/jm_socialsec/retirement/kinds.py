"""Who retires how (退休类别、特殊工种、退休方式): the input categories of the retirement rules.

- :class:`Category` — the retirement category fixed by the post held at retirement
  (国发〔1978〕104号 第一条; 办法第一条 names the same three groups), not derivable from sex alone.
- :class:`SpecialWorkType` — the special types of work with their own years requirement
  (劳部发〔1993〕120号 and provincial restatements).
- :class:`RetirementChoice` — statutory, flexible early or late (办法第三条), or special type
  (办法第八条).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar

from ..engine.errors import InputError

K = TypeVar("K", bound=StrEnum)


def member(kind: type[K], value: Any) -> K | None:
    """The member for its code or itself (a member is equal to its code), without the Enum call;
    else None."""
    try:
        return kind._value2member_map_.get(value)  # type: ignore[return-value]
    except TypeError:  # not hashable: no code
        return None


def parse_code(kind: type[K], value: Any, field: str, why_zh: str, why_en: str) -> K:
    """A coded choice from its code or itself; else :class:`InputError` naming ``field``.

    The messages are templates (``{value}``, ``{names}``: the codes), filled only on refusal.
    """
    found = member(kind, value)
    if found is None:  # what ``kind(value)`` would refuse too (no kind here has a ``_missing_``)
        names = ", ".join(k.value for k in kind)
        raise InputError(field, why_zh.format(value=value, names=names), why_en.format(value=value, names=names))
    return found


class Category(StrEnum):
    """Retirement category, fixed by the post at retirement (not derivable from sex alone)."""

    MALE = "male"  # 男职工
    FEMALE_55 = "female_55"  # 原法定退休年龄55周岁的女职工（女干部）
    FEMALE_50 = "female_50"  # 原法定退休年龄50周岁的女职工（女工人）

    @property
    def zh(self) -> str:
        return {
            "male": "男职工",
            "female_55": "女职工（原55周岁）",
            "female_50": "女职工（原50周岁）",
        }[self.value]

    @property
    def sex(self) -> str:
        return "male" if self is Category.MALE else "female"

    @classmethod
    def parse(cls, value: Any, field: str = "category") -> Category:
        return parse_code(
            cls,
            value,
            field,
            "未知退休类别“{value}”，可选：male（男）、female_55（女，原55岁）、female_50（女，原50岁）",
            "unknown category {value!r}; one of male, female_55, female_50",
        )


class SpecialWorkType(StrEnum):
    """特殊工种 types with their own years requirement."""

    HIGH_ALTITUDE = "high_altitude"  # 高空
    HEAVY = "heavy"  # 特别繁重体力劳动
    UNDERGROUND = "underground"  # 井下
    HIGH_TEMPERATURE = "high_temperature"  # 高温
    HARMFUL = "harmful"  # 其他有害身体健康

    @property
    def zh(self) -> str:
        return {
            "high_altitude": "高空作业",
            "heavy": "特别繁重体力劳动",
            "underground": "井下作业",
            "high_temperature": "高温作业",
            "harmful": "其他有害身体健康工种",
        }[self.value]

    @classmethod
    def parse(cls, value: Any, field: str = "special_type") -> SpecialWorkType:
        return parse_code(
            cls, value, field, "未知特殊工种类别“{value}”（可选：{names}）", "unknown special type {value!r} ({names})"
        )


class RetirementChoice(StrEnum):
    """How the person retires."""

    STATUTORY = "statutory"  # 法定退休年龄
    FLEXIBLE_EARLY = "flexible_early"  # 弹性提前退休
    FLEXIBLE_LATE = "flexible_late"  # 弹性延迟退休（须用人单位同意）
    SPECIAL = "special"  # 特殊工种提前退休

    @property
    def zh(self) -> str:
        return {
            "statutory": "法定退休年龄退休",
            "flexible_early": "弹性提前退休",
            "flexible_late": "弹性延迟退休",
            "special": "特殊工种提前退休",
        }[self.value]

    @classmethod
    def parse(cls, value: Any, field: str = "choice") -> RetirementChoice:
        return parse_code(
            cls, value, field, "未知退休方式“{value}”（可选：{names}）", "unknown choice {value!r} ({names})"
        )
