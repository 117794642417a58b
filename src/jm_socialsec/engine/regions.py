"""Regions of Jiangmen (江门市) that the library serves.

Pension and work-injury funds are pooled at province level, so most figures are Guangdong-wide;
the minimum wage and the contribution floor are set per prefecture-level city (江门 for all
regions here); the 视同缴费指数 differs by county. Tables key region-level values by ``code``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from .errors import BadValue, InputError


class Region(StrEnum):
    """A region of Jiangmen, by English code; ``.zh`` is its Chinese name."""

    JIANGMEN = "jiangmen"  # 江门市区 (city proper)
    PENGJIANG = "pengjiang"  # 蓬江区
    JIANGHAI = "jianghai"  # 江海区
    XINHUI = "xinhui"  # 新会区
    TAISHAN = "taishan"  # 台山市
    KAIPING = "kaiping"  # 开平市
    HESHAN = "heshan"  # 鹤山市
    ENPING = "enping"  # 恩平市

    @property
    def zh(self) -> str:
        return _ZH[self]

    @property
    def level(self) -> str:
        """``city`` (市区), ``district`` (区) or ``county_city`` (县级市)."""
        return _LEVEL[self]

    @classmethod
    def parse(cls, value: Any, field: str = "region") -> Region:
        """Accept a code (any case) or a Chinese name, with or without 区/市 (“台山”, “台山市”)."""
        if isinstance(value, Region):
            return value
        if isinstance(value, str):
            key = value.strip()
            found = _BY_NAME.get(key.lower()) or _BY_NAME.get(key)
            if found is not None:
                return found
        names = "、".join(r.zh for r in cls)
        codes = ", ".join(r.value for r in cls)
        raise InputError(field, f"未知地区“{value}”，可选：{names}", f"unknown region {value!r}; one of: {codes}")


_ZH = {
    Region.JIANGMEN: "江门市区",
    Region.PENGJIANG: "蓬江区",
    Region.JIANGHAI: "江海区",
    Region.XINHUI: "新会区",
    Region.TAISHAN: "台山市",
    Region.KAIPING: "开平市",
    Region.HESHAN: "鹤山市",
    Region.ENPING: "恩平市",
}
_LEVEL = {
    Region.JIANGMEN: "city",
    Region.PENGJIANG: "district",
    Region.JIANGHAI: "district",
    Region.XINHUI: "district",
    Region.TAISHAN: "county_city",
    Region.KAIPING: "county_city",
    Region.HESHAN: "county_city",
    Region.ENPING: "county_city",
}
_BY_NAME: dict[str, Region] = {}
for _r in Region:
    _BY_NAME[_r.value] = _r
    _BY_NAME[_r.zh] = _r
    _BY_NAME[_r.zh.rstrip("区市")] = _r
_BY_NAME["江门"] = _BY_NAME["江门市"] = _BY_NAME["市区"] = Region.JIANGMEN


def parse_region(value: Any) -> Region:
    """Parse a region for validators (raises :class:`BadValue`, the caller names the field)."""
    try:
        return Region.parse(value)
    except InputError as e:
        raise BadValue(e.why_zh, e.why_en) from None
