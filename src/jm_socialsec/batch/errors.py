"""Per-row refusals (逐行错误): the scalar path's error code and field, first error wins.

A batch never stops for a bad row: each check flags the rows it refuses with the code the
scalar :func:`~jm_socialsec.estimate_pension` would raise (``input_invalid`` with the field,
``not_covered`` with the parameter) — in the scalar path's order, so a row with two problems
reports the one the scalar path reports first.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ..engine.errors import InputError, NotCovered, SocialSecError

Mask = npt.NDArray[np.bool_]
Ints = npt.NDArray[np.int64]


def where_of(err: SocialSecError) -> str:
    """The ``error_field`` of an error: the input field, or the parameter not covered."""
    if isinstance(err, InputError):
        return err.field
    if isinstance(err, NotCovered):
        return err.param
    return ""


class RowErrors:
    """Codes and fields per row (0 = no error), interned to small integers."""

    def __init__(self, n: int) -> None:
        self.code = np.zeros(n, np.int16)
        self.field = np.zeros(n, np.int16)
        self._codes: list[str] = [""]
        self._fields: list[str] = [""]

    @property
    def ok(self) -> Mask:
        out: Mask = self.code == 0
        return out

    def _intern(self, table: list[str], value: str) -> int:
        if value not in table:
            table.append(value)
        return table.index(value)

    def flag(self, mask: Mask, code: str, field: str) -> None:
        """Refuse the rows of ``mask`` not refused yet."""
        fresh = mask & (self.code == 0)
        if fresh.any():
            self.code[fresh] = self._intern(self._codes, code)
            self.field[fresh] = self._intern(self._fields, field)

    def flag_error(self, mask: Mask, err: SocialSecError) -> None:
        self.flag(mask, err.code, where_of(err))

    def flag_groups(self, groups: Ints, errors: Sequence[SocialSecError | None], rows: Mask) -> None:
        """Refuse the ``rows`` whose group (index into ``errors``) failed, with that group's error."""
        kinds: dict[tuple[str, str], int] = {}
        per_group = np.zeros(len(errors) + 1, np.int32)
        for g, err in enumerate(errors):
            if err is not None:
                per_group[g] = kinds.setdefault((err.code, where_of(err)), len(kinds) + 1)
        if not kinds:
            return
        row_kind = per_group[np.where(rows, groups, len(errors))]
        for (code, field), k in kinds.items():
            self.flag(row_kind == k, code, field)

    def codes(self) -> tuple[npt.NDArray[np.int16], list[str]]:
        return self.code, self._codes

    def fields(self) -> tuple[npt.NDArray[np.int16], list[str]]:
        return self.field, self._fields
