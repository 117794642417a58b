"""The 2025 amendment (2025年修正): deleted side benefits and renumbered articles.

《广东省人民代表大会常务委员会关于修改〈广东省岭南中药材保护条例〉〈广东省失业保险条例〉的决定》
(adopted 2025-01-12) deleted the 求职补贴 (2022 text art. 20), the childbirth supplement (21), the
early re-employment and business-start lump sums (22, 23), and renumbered the articles after them.

- A deleted item is a parameter whose table has no period in force on a date after its last one
  (:func:`deleted_value`): the date of the deletion lives in the tables only, never in a rule.
- Which text numbers the articles on a date is read from the same tables (:func:`text_year`):
  the 2022 text while its art. 20 is in force, the 2025 text after.
- The decision's effective date was not seen: the tables take its adoption date (secondary). A
  text that cites that date says so through a warning (``deletion_date_unconfirmed``).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from ..engine.months import YearMonth
from ..engine.params import At, Params, ParamValue
from ..engine.tables import Status, Unit, registry
from ..engine.texts import catalogue, pair
from ..engine.trace import rule, untraced

JOB_SEARCH = "unemployment.job_search.rate"
CHILDBIRTH = "unemployment.childbirth.factor"
EARLY_REEMPLOYMENT = "unemployment.early_reemployment.share"
BUSINESS_START = "unemployment.business_start.share"
#: The side benefits of the 2022 text that the 2025 amendment deleted, by the parameter carrying
#: each (its last period ends the day before the amendment); their names are in texts.toml.
DELETED_BENEFITS = (JOB_SEARCH, CHILDBIRTH, EARLY_REEMPLOYMENT, BUSINESS_START)

#: Articles the 2025 amendment renumbered: their number in the 2022 text and in the 2025 text.
ARTICLES: dict[str, dict[int, int]] = {
    "period": {2022: 36, 2025: 32},
    "medical": {2022: 24, 2025: 20},
    "death": {2022: 25, 2025: 21},
    "stop": {2022: 28, 2025: 24},
    "farmer": {2022: 47, 2025: 43},
}

_DIGITS = "〇一二三四五六七八九"


class Article(int):
    """An article number of the regulation. It prints as cited, in Chinese: ``第二十四条``."""

    def __str__(self) -> str:
        tens, units = divmod(int(self), 10)
        if tens == 0:
            return f"第{_DIGITS[units]}条"
        head = "" if tens == 1 else _DIGITS[tens]
        return f"第{head}十{_DIGITS[units] if units else ''}条"


def deleted_value(params: Params, param: str, on: YearMonth | date) -> ParamValue | None:
    """The last value of a deleted rule when ``on`` is after its end; ``None`` while it is in force.

    A rule whose table has no period in force on ``on``, but had one before, was deleted (the
    2025 amendment's deletions end the day before it took effect). The returned value is the
    rule's last one: its source names the deleted article, its ``until`` the last day in force.
    It is read outside ``params``: a deleted figure is not used, so it is not cited as used.
    """
    if params.in_force(param, on):
        return None
    end = registry()[param].horizon
    day = on.first_day() if isinstance(on, YearMonth) else on
    if end is None or day <= end:
        return None  # before the rule existed: not a deletion (the caller's lookup refuses)
    with untraced():  # not a value the calculation uses: not cited on any line either
        return Params(params.as_of).get(param, end)


def is_deleted(params: Params, param: str, on: YearMonth | date) -> bool:
    """Whether ``param``'s rule was deleted before ``on`` (as :func:`deleted_value`, without
    reading the value)."""
    if params.in_force(param, on):
        return False
    end = registry()[param].horizon
    return end is not None and (on.first_day() if isinstance(on, YearMonth) else on) > end


def text_year(params: Params, on: YearMonth | date) -> int:
    """Which text of the regulation numbers the articles on ``on``: 2022 (its art. 20 still in
    force) or 2025 (the amended text, which deleted it)."""
    return 2022 if params.in_force(JOB_SEARCH, on) else 2025


def item_names(param: str) -> tuple[str, str]:
    """A deleted item's name (Chinese, English), from the catalogue."""
    return pair(catalogue("unemployment")["deleted_item"], param.split(".")[1])


# ---------------------------------------------------------------------------------------------
# Rules


@rule("unemployment.article", ref="广东省失业保险条例（2025年修正）重新编号的条文", step=False)
def article(at: At, concept: str) -> Article:
    """The article of ``concept`` in the text in force on the date (2022 or 2025 numbering)."""
    return Article(ARTICLES[concept][text_year(at.params, at.on)])


@rule("unemployment.deleted_on", ref="2025年修正决定（施行日期按通过日计）", step=False)
def deleted_on(at: At, param: str) -> date:
    """The first day without the deleted item ``param`` (the day after its last period).

    The date is as sure as that period's status; when it is not official, a warning says so.
    """
    gone = deleted_value(at.params, param, at.on)
    assert gone is not None and gone.until is not None  # called for deleted items only
    day = gone.until + timedelta(days=1)
    if gone.status is not Status.OFFICIAL:
        at.notice(
            "unemployment.deletion_date_unconfirmed",
            deleted_on=day,
            status_zh=gone.status.zh,
            status_en=gone.status.value,
            param=param,
        )
    return day


def no_effect(at: At, field: str, param: str) -> None:
    """Warn that the input ``field`` had no effect: the item it feeds was deleted (not a rule:
    it computes nothing; its words are the notice ``input_no_effect``)."""
    gone = deleted_value(at.params, param, at.on)
    assert gone is not None
    zh, en = item_names(param)
    at.notice(
        "unemployment.input_no_effect",
        field=field,
        item_zh=zh,
        item_en=en,
        document=gone.source.document,
        article=gone.source.locator.split("（")[0],
        deleted_on=deleted_on(at, param),
        param=param,
    )


@rule("unemployment.deleted_benefits", ref="2025年修正决定（删除第二十条至第二十三条）", unit=Unit.YUAN)
def deleted_benefits(at: At) -> Decimal:
    """The side benefits the 2025 amendment deleted: none is paid on a claim after it."""
    deleted_on(at, JOB_SEARCH)
    return Decimal(0)
