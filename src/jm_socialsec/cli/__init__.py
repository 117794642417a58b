"""Command line for counter staff and maintainers (``jm-socialsec``).

``demo`` prints sample estimates, explained; ``retirement``, ``pension``, ``unemployment``,
``injury``, ``checklist``, ``death pension|injury`` and ``contribution pension|unemployment|injury``
estimate one person's case (Chinese by default, ``--lang en``; ``--brief`` for the figures to read
out, ``--json`` for programs); ``tables`` is the parameter report; ``serve`` starts the HTTP
service. Choices accept Chinese words (女工人, 辞退, 井下 …) as well as the codes; ``--id`` takes a
resident ID number in place of birth and sex.

No traceback reaches a user: bad input (ours, the library's or argparse's) prints a bilingual
message naming the flag typed (exit 2; as JSON with ``--json``); anything else prints a short
internal-error line (exit 3). Output never fails on the console's encoding, and ID numbers are
never printed back unmasked.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from ..engine.errors import InputError, SocialSecError, mask_id
from .brief import brief, render, to_json
from .console import UsageError, emit, emit_json
from .demo import _demo_sections, run_batch, run_demo, run_plan, run_schema, run_serve, run_tables
from .fields import in_flags
from .parser import build_parser
from .words import both, choice

__all__ = ["_demo_sections", "build_parser", "main"]

_TOOLS = {
    "demo": run_demo,
    "tables": run_tables,
    "serve": run_serve,
    "schema": run_schema,
    "batch": run_batch,
    "plan": run_plan,
}


def _show(args: argparse.Namespace, result: Any) -> None:
    lang = args.lang
    if args.brief:
        summary = brief(result, lang)
        emit_json(to_json(summary)) if args.json else emit(render(summary, lang))
    elif args.json:
        emit_json(result.to_json())
    else:
        emit(result.explain(lang))


def _run(args: argparse.Namespace) -> int:
    if args.command in _TOOLS:
        return _TOOLS[args.command](args)
    args.lang = choice("lang", args.lang, "--lang")
    try:
        result = args.run(args)
    except InputError as e:
        raise in_flags(e, args._parser, getattr(args, "_from_file", ())) from None
    _show(args, result)
    return 0


def _report(error: SocialSecError | UsageError, as_json: bool) -> None:
    """A documented error: bilingual on stderr, or JSON on stdout with ``--json``."""
    data = error.to_dict()
    if as_json:
        data["field"] = getattr(error, "field", None)
        emit_json({"error": data})
        return
    zh, en = both("error")
    emit(mask_id(f"{zh} / {en} [{data['code']}]: {error.message_zh}\n  {error.message_en}"), sys.stderr)


def _internal(error: Exception, as_json: bool) -> None:
    zh, en = both("internal")
    what = mask_id(f"{type(error).__name__}: {error}")
    if as_json:
        emit_json(
            {"error": {"code": "internal", "field": None, "message_zh": f"{zh}：{what}", "message_en": f"{en}: {what}"}}
        )
    else:
        emit(f"{zh} / {en}: {what}", sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in argv
    try:
        code = _run(build_parser().parse_args(argv))
        sys.stdout.flush()
        return code
    except SystemExit as e:  # --help, --version
        return e.code if isinstance(e.code, int) else 0
    except BrokenPipeError:  # `jm-socialsec tables | head`: the reader left; not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except (SocialSecError, UsageError) as e:
        _report(e, as_json)
        return 2
    except Exception as e:  # last line of defence: never a traceback for a clerk
        _internal(e, as_json)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
