"""The 企业职工退休"一件事" checklist (enterprise-employee retirement, one-stop service), Jiangmen.

Jiangmen's social-insurance bureau (社保局) bundled six retirement items of four departments
(社保局, 住房公积金管理中心, 医保局, 卫健局) into one window, finished within 19 working days
(江门日报, 2025; secondary). National frame: 国发〔2024〕3号 (高效办成一件事), 国办发〔2025〕24号.
Rules reference: ``shared/rules/retirement_checklist.md``.

For one person, :func:`retirement_checklist` says which of the six items apply and why, the
documents to bring (the base list plus the situational ones this person triggers, nothing
more), the preconditions still open, the order (3 and 2 first, then 1, then 4, 5, 6 in
parallel; the order is secondary, taken from other provinces' bundles), the retirement month
(:func:`jm_socialsec.retirement.resolve`), whether the minimum contribution years are met (if
not: the shortfall and the options instead of item 1) and the due date.

Sources by item (details in the rules reference and ``docs/retirement_checklist.md``):

1. 企业职工基本养老金申领 — the Guangdong-wide item as published by Guangzhou (2025); 社会保险法
   第十六条; the 2024 NPC decision; 人社部发〔2024〕94号.
2. 企业职工从事特殊工种提前退休申请 — 办法第八条; 劳部发〔1993〕120号; register 人社厅发〔2020〕76号
   (secondary).
3. 企业职工历史信息审核申请 — 劳社部发〔1999〕8号 (birth date: the earliest in the file); when it is
   needed is a clean rule of other provinces' bundles (secondary).
4. 退休住房公积金提取 — 住房公积金管理条例 第二十四条（二）, 第二十五条.
5. 职工医保退休待遇核定 — 社会保险法 第二十七条; 粤医保规〔2022〕6号 (2030 values official; Jiangmen's
   2022-2029 thresholds unknown: assumed parameters the caller can override).
6. 城镇独生子女父母计划生育奖励 — 广东省人口与计划生育条例 (2021) 第三十六条; documents as listed
   by a Jiangmen county office. The amount is not known for Jiangmen and is not computed.

Layout (the service's table of contents): :mod:`.profile` (who applies), :mod:`.eligibility`
(the retirement month and the minimum years), :mod:`.medical` (职工医保 years, item 5's check),
:mod:`.items` (one module per item: applicability, documents, preconditions, notes; the order),
:mod:`.due_date` (working days), :mod:`.words` and ``texts.toml`` (every word of the result),
:mod:`.render` (the counter print-out), :mod:`.api` (the entry point), :mod:`.result` (the models).

Limits: policy early retirement (closed or bankrupt enterprises) and illness (病残津贴) are not
modelled; Jiangmen's own document lists for items 4 and 6 were not all collected (the window's
list prevails).

Due date: the 19th working day after the day of application (the day itself is not counted,
民法典 第二百零一条), counting Chinese working days with the ``holidays`` package (weekends and
statutory holidays off, make-up working weekends on). A due date in a year whose State Council
holiday notice was not yet published on ``as_of`` (table ``checklist.holiday_schedule_published_through``,
capped by the last year the installed package lists make-up days for) is marked an estimate.
"""

from __future__ import annotations

from .api import retirement_checklist
from .due_date import _CALENDAR_LOCK, _china, is_working_day, working_days_after
from .eligibility import contribution_shortfall
from .medical import medical_check
from .profile import DeemedService, HukouType, RetireeProfile, SpouseHukou
from .render import render_checklist_html, render_checklist_text
from .result import ChecklistItem, Document, MedicalCheck, Option, Precondition, RetirementChecklist

__all__ = [
    "_CALENDAR_LOCK",
    "ChecklistItem",
    "DeemedService",
    "Document",
    "HukouType",
    "MedicalCheck",
    "Option",
    "Precondition",
    "RetireeProfile",
    "RetirementChecklist",
    "SpouseHukou",
    "_china",
    "contribution_shortfall",
    "is_working_day",
    "medical_check",
    "render_checklist_html",
    "render_checklist_text",
    "retirement_checklist",
    "working_days_after",
]
