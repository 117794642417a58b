"""Shared test helpers: a synthetic registry for mechanism tests (values not from the law)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from jm_socialsec.engine import params as params_mod
from jm_socialsec.engine.tables import load_tables

SYNTHETIC_REGISTER = """
[[document]]
id = "doc-a"
title = "doc A"
issuer = "synthetic"
read_in = ["nowhere: synthetic"]
verified_on = 2026-11-30

[[document]]
id = "doc-b"
title = "doc B"
issuer = "synthetic"
read_in = ["nowhere: synthetic"]
verified_on = 2026-11-30

[[document]]
id = "doc-c"
title = "doc C"
issuer = "synthetic"
read_in = ["nowhere: synthetic"]
verified_on = 2026-11-30

[[document]]
id = "doc-d"
title = "doc D"
issuer = "synthetic"
read_in = ["nowhere: synthetic"]
verified_on = 2026-11-30

[[document]]
id = "doc-e"
title = "doc E"
issuer = "synthetic"
read_in = ["nowhere: synthetic"]
verified_on = 2026-11-30

[[document]]
id = "doc-f"
title = "doc F"
issuer = "synthetic"
read_in = ["nowhere: synthetic"]
verified_on = 2026-11-30

[[document]]
id = "not-collected"
title = "not collected"
issuer = "synthetic"
read_in = ["nowhere: synthetic"]
verified_on = 2026-11-30
"""

SYNTHETIC = """
title = "synthetic, for mechanism tests only"

[[param]]
id = "test.base"
label_zh = "测试基数"
label_en = "test base"
unit = "yuan_per_month"
interim = "previous"
covered_until = 2026-12-31

[[param.values]]
since = 2024-01-01
until = 2024-12-31
value = 100
published = 2024-06-01
status = "official"
source = { doc = "doc-a" }

[[param.values]]
since = 2025-01-01
until = 2025-12-31
value = 110
published = 2025-10-27
status = "secondary"
source = { doc = "doc-b" }

[[param]]
id = "test.open"
label_zh = "测试开放期"
label_en = "test open-ended"
unit = "rate"
covered_until = 2026-06-30

[[param.values]]
since = 2020-01-01
until = 2022-12-31
value = 0.5
status = "assumed"
source = { doc = "doc-c" }

[[param.values]]
since = 2023-01-01
value = 0.25
published = 2022-11-01
status = "official"
source = { doc = "doc-d" }

[[param]]
id = "test.holey"
label_zh = "测试未收集"
label_en = "test not collected"
unit = "yuan_per_year"
interim = "previous"

[[param.values]]
since = 2021-01-01
until = 2021-12-31
value = 500
status = "secondary"
source = { doc = "doc-f" }

[[param.values]]
since = 2022-01-01
until = 2022-12-31
missing = true
status = "assumed"
source = { doc = "not-collected" }

[[param]]
id = "test.keyed"
label_zh = "测试按键"
label_en = "test keyed"
unit = "months"
keyed_by = "grade"

[[param.values]]
since = 2011-01-01
value = { 1 = 27, 2 = 25 }
status = "official"
source = { doc = "doc-e" }
"""


@pytest.fixture
def synthetic(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    reg = load_tables({"sources.toml": SYNTHETIC_REGISTER, "synthetic.toml": SYNTHETIC})
    monkeypatch.setattr(params_mod, "registry", lambda: reg)
    yield
