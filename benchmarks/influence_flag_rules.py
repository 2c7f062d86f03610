"""Judge red-flag *rules* forward: cache what the learned heads say, re-run only the rules.

Since round 22 each round of flag rules is read from the errors of the blind set scored last,
and must be judged on meetings it was not read from before the next blind set is opened. The
heads (role, mode, flag evidence) do not change between rounds, so their outputs per meeting
are cached once; re-running :func:`influence_flags.red_flags` on the cache takes seconds.

    build: python benchmarks/influence_flag_rules.py build "holdout19,holdout20;holdout21"
               .cache/flagrules/fw19-21.pkl [--heads forward|forward-flags|shipped]
    score: python benchmarks/influence_flag_rules.py score .cache/flagrules/fw19-21.pkl ...
               [--flag budget_unknown] [--show] [--variant clean|asr]

``--heads``: ``forward`` fits every head on the splits written before each group (as
``influence_forward.py``'s round16 procedure; minutes per group), ``forward-flags`` only the
flag-evidence head (role and mode from the shipped models, so in-sample for groups they were
fitted on), ``shipped`` uses the shipped heads (for sets written after them). The figures in
the model card's rounds 22-26 come from: forward for holdout19-22, forward-flags for holdout12-18
(together "the 108 meetings"), shipped for holdout23 onwards.
"""

from __future__ import annotations

import argparse
import pickle
import time
from collections import Counter
from pathlib import Path

from embed_cache import cached_encode
from influence_forward import VARIANTS, _files, procedures, writing_order

from meetinglens.analysis import influence_flagtrain as ft
from meetinglens.analysis.influence import read_buyers
from meetinglens.analysis.influence_dataset import load_labelled
from meetinglens.analysis.influence_flags import FLAGS, red_flags


def head_outputs(meeting, head, role_head, flag_head, models) -> dict:
    """What the learned parts say about one meeting: the inputs of ``red_flags``."""
    read = read_buyers(meeting, head, role_head, flag_head, models)
    return dict(buyers={s.name for s in read.buyers}, roles=read.roles, modes=read.modes,
                mentions=read.mentions, cues=read.cues)


def _shipped():
    from meetinglens.analysis.influence_flaghead import load_flag_head
    from meetinglens.analysis.influence_head import load_head, load_role_head
    from meetinglens.analysis.influence_speaker import load_mode_model, load_role_model
    return load_head(), load_role_head(), load_flag_head(), (load_role_model(), load_mode_model())


def build(groups: str, out: Path, heads: str) -> None:
    order, rows = writing_order(), []
    unknown = [s for g in groups.split(";") for s in g.split(",") if s not in order]
    if unknown:
        raise SystemExit(f"unknown split(s) {unknown}; known: {', '.join(order)}")
    shipped = _shipped() if heads != "forward" else None
    for group in groups.split(";"):
        splits, start = group.split(","), time.time()
        before = order[:min(order.index(s) for s in splits)]
        if heads == "forward":
            fitted = procedures(before, ["round16"])["round16"]
        elif heads == "forward-flags":
            r = ft.join(ft.meeting_cue_rows(_files(before)), ft.extra_cue_rows())
            flags = ft.fit_flags(cached_encode(r.texts, "influence-flags"), r.matrix(), ft.C,
                                 {"version": "forward-flags"})
            fitted = lambda mid, f=flags: (shipped[0], shipped[1], f, shipped[3])  # noqa: E731
        else:
            fitted = lambda mid: shipped  # noqa: E731
        for path in _files(splits):
            for variant, kwargs in VARIANTS.items():
                meeting, gold = load_labelled(path, **kwargs)
                rows.append(dict(group=group, variant=variant, meeting=meeting, gold=gold,
                                 **head_outputs(meeting, *fitted(meeting.id))))
        print(f"[{group}] {len(_files(splits))} meetings ({time.time() - start:.0f}s)", flush=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pickle.dumps(rows))


def score(caches: list[Path], flag: str | None, show: bool, variants: list[str]) -> None:
    missing = [str(c) for c in caches if not c.is_file()]
    if missing:
        raise SystemExit(f"no cache at {', '.join(missing)}: make one with "
                         "'influence_flag_rules.py build GROUPS PATH'")
    rows, seen = [], set()
    for cache in caches:  # a meeting in two caches counts once, from the first
        for r in pickle.loads(cache.read_bytes()):
            if (r["meeting"].id, r["variant"]) not in seen:
                seen.add((r["meeting"].id, r["variant"]))
                rows.append(r)
    for variant in variants:
        counts, n = Counter(), 0
        for r in (r for r in rows if r["variant"] == variant):
            n += 1
            got = {f.kind: f for f in red_flags(r["meeting"], r["buyers"], r["roles"],
                                                 r["modes"], r["mentions"], r["cues"])}
            gold = set(r["gold"].red_flags)
            for kind in FLAGS:
                outcome = ("tp" if kind in gold else "fp") if kind in got else (
                    "fn" if kind in gold else None)
                if outcome:
                    counts[kind, outcome] += 1
                if show and outcome in ("fp", "fn") and flag in (None, kind):
                    print(f"  {outcome.upper()} {kind} {r['meeting'].id}")
                    for u in (got[kind].evidence[:2] if kind in got else ()):
                        print(f"      [{u.index}] {u.speaker}: {u.text[:200]}")
        f1 = {k: 2 * counts[k, "tp"] / (2 * counts[k, "tp"] + counts[k, "fp"] + counts[k, "fn"])
              for k in FLAGS if counts[k, "tp"] + counts[k, "fp"] + counts[k, "fn"]}
        false = sum(counts[k, "fp"] for k in FLAGS) / max(1, n)
        print(f"{variant}: {n} meetings  flag macro-F1 {sum(f1.values()) / max(1, len(f1)):.3f}"
              f"  false flags per meeting {false:.2f}")
        print("   " + " ".join(f"{k}={counts[k, 'tp']}/{counts[k, 'fp']}/{counts[k, 'fn']}"
                               for k in FLAGS if flag in (None, k)) + "  (tp/fp/fn)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="cache head outputs for blind groups")
    b.add_argument("groups", help="';'-separated groups, each a ','-separated list of splits")
    b.add_argument("out", type=Path)
    b.add_argument("--heads", choices=("forward", "forward-flags", "shipped"), default="shipped")
    s = sub.add_parser("score", help="re-run the red-flag rules on caches")
    s.add_argument("caches", type=Path, nargs="+")
    s.add_argument("--flag", choices=FLAGS)
    s.add_argument("--show", action="store_true", help="list every false and missed flag")
    s.add_argument("--variant", choices=tuple(VARIANTS), action="append")
    args = parser.parse_args()
    if args.command == "build":
        build(args.groups, args.out, args.heads)
    else:
        score(args.caches, args.flag, args.show, args.variant or list(VARIANTS))


if __name__ == "__main__":
    main()
