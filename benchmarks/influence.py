"""Benchmark of the buying-influence analyzer on datasets/buying-influences/.

Prints, per split and per input variant (clean transcript with participants file, without
participants file, ASR-style lower case without punctuation):

* role accuracy per buyer speaker,
* precision / recall / F1 per red flag and their macro-F1,
* response-mode accuracy per buyer speaker,
* absent-influence recall (a gold mention is found when a predicted mention has the same
  role and shares a word with the gold ``who``) and precision.

Splits, in writing order (datasets/buying-influences/README.md): ``dev`` (cue lexicons written
on it), ``test`` and ``holdout`` (each scored once held out, then used to broaden the cues),
``holdout2`` (written after rules v3; then used for v4), ``holdout3`` (written after rules v4
and the retrained mode head were committed), then any split found by file prefix
(``<split>-*.json``, e.g. a blind ``holdout4`` added after the heads were frozen).
Modes, roles and red flags use the learned heads (models/influence-head/): a meeting a shipped
head was trained on is scored by a head refitted without it (leave one meeting out), so
``--split all`` is a leave-one-meeting-out figure over every labelled meeting. ``--head noflag``
drops the red-flag evidence head (rules alone for flags); ``--head none`` drops every head.
Run:  .venv/bin/python benchmarks/influence.py [--split all] [--details] [--head none]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from meetinglens.analysis.base import AnalysisContext
from meetinglens.analysis.influence import analyze_with
from meetinglens.analysis.influence_dataset import dataset_files, dataset_splits, load_labelled
from meetinglens.analysis.influence_flags import FLAGS

VARIANTS = {"clean": dict(participants=True, asr=False),
            "no-participants": dict(participants=False, asr=False),
            "asr": dict(participants=False, asr=True)}
#: Splits in writing order; splits found later by file prefix follow.
KNOWN_SPLITS = ["dev", "test", "holdout", "holdout2", "holdout3"]
STOP = {"our", "my", "the", "their", "of", "new", "from", "'s"}


def _words(text: str) -> set[str]:
    return {w.strip(".,'") for w in text.lower().replace("'s", "").split()} - STOP


def evaluate(files, variant: dict, details: bool = False,
             head_for=lambda meeting_id: (None, None, None)) -> dict:
    """Scores over ``files``; ``head_for(meeting id)`` gives the (mode, role[, flag]) heads."""
    roles_ok = roles_n = modes_ok = modes_n = 0
    tp, fp, fn = Counter(), Counter(), Counter()
    m_found = m_gold = m_pred = m_pred_ok = 0
    confusion = Counter()
    for path in files:
        meeting, gold = load_labelled(path, **variant)
        result = analyze_with(AnalysisContext(meeting), *head_for(meeting.id))
        roles = {n: r["role"] for n, r in result.metrics["roles"].items()}
        modes = {n: r["mode"] for n, r in result.metrics["response_modes"].items()}
        for name, role in gold.roles.items():
            roles_n += 1
            roles_ok += roles.get(name) == role
            confusion[(role, roles.get(name))] += 1
            if details and roles.get(name) != role:
                print(f"  role  {meeting.id}: {name} gold={role} got={roles.get(name)}")
        for name, mode in gold.response_modes.items():
            modes_n += 1
            modes_ok += modes.get(name) == mode
            if details and modes.get(name) != mode:
                print(f"  mode  {meeting.id}: {name} gold={mode} got={modes.get(name)}")
        predicted = set(result.metrics["red_flags"])
        for flag in FLAGS:
            tp[flag] += flag in predicted and flag in gold.red_flags
            fp[flag] += flag in predicted and flag not in gold.red_flags
            fn[flag] += flag not in predicted and flag in gold.red_flags
        if details and predicted != gold.red_flags:
            print(f"  flags {meeting.id}: missed={sorted(gold.red_flags - predicted)} "
                  f"extra={sorted(predicted - gold.red_flags)}")
        mentions = result.tables["mentions"]
        m_gold += len(gold.mentions)
        m_pred += len(mentions)
        for g in gold.mentions:
            hit = any(m["role"] == g["role"] and _words(m["who"]) & _words(g["who"])
                      for m in mentions)
            m_found += hit
            if details and not hit:
                print(f"  mention missed {meeting.id}: {g}")
        for m in mentions:
            ok = any(m["role"] == g["role"] and _words(m["who"]) & _words(g["who"])
                     for g in gold.mentions)
            m_pred_ok += ok
            if details and not ok:
                print(f"  mention extra {meeting.id}: {m['who']} ({m['role']})")
    per_flag = {}
    for flag in FLAGS:
        p = tp[flag] / (tp[flag] + fp[flag]) if tp[flag] + fp[flag] else None
        r = tp[flag] / (tp[flag] + fn[flag]) if tp[flag] + fn[flag] else None
        f1 = (2 * p * r / (p + r) if p and r else 0.0) if p is not None and r is not None \
            else None
        per_flag[flag] = (p, r, f1, tp[flag] + fn[flag])
    scored = [v[2] if v[2] is not None else 0.0 for v in per_flag.values() if v[3] > 0
              or (v[0] is not None)]
    return {"meetings": len(files), "role_acc": roles_ok / roles_n, "roles_n": roles_n,
            "mode_acc": modes_ok / modes_n, "modes_n": modes_n, "per_flag": per_flag,
            "macro_f1": sum(scored) / len(scored) if scored else 0.0,
            "flag_counts": {f: (tp[f], fp[f], fn[f]) for f in FLAGS},
            "false_flags_per_meeting": sum(fp.values()) / len(files) if files else 0.0,
            "mention_recall": m_found / m_gold if m_gold else None,
            "mention_precision": m_pred_ok / m_pred if m_pred else None,
            "confusion": confusion}


def _fmt(x) -> str:
    return "  -  " if x is None else f"{x:.2f}"


def flag_head_provider():
    """Meeting id -> the shipped flag head, or one refitted without that meeting if the shipped
    head was trained on it."""
    from meetinglens.analysis import influence_flagtrain as ft
    from meetinglens.analysis.influence_flaghead import load_flag_head

    shipped = load_flag_head()
    files = [f for f in dataset_files() if f.stem in set(shipped.meta.get("meetings", []))]
    rows = ft.join(ft.meeting_cue_rows(files), ft.extra_cue_rows())
    from embed_cache import cached_encode

    x = cached_encode(rows.texts, "influence-flags")
    lomo = ft.lomo_flag_heads(rows, x, float(shipped.meta.get("C", ft.C)))
    return lambda meeting_id: lomo.get(meeting_id, shipped)


def head_provider(mode: str):
    """``head_for(meeting id)``: ``auto`` = the shipped heads, except for meetings they were
    trained on, which get heads fitted without them (leave one meeting out); ``noflag`` = the
    same without the red-flag head; ``tally`` = the heads without the speaker-level role
    and mode models (the older cue tallies decide); ``none`` = rules only."""
    if mode == "none":
        return lambda meeting_id: (None, None, None, (None, None))
    from meetinglens.analysis import influence_speakertrain as st
    from meetinglens.analysis import influence_train as tr
    from meetinglens.analysis.influence_head import ROLE_HEAD_CLASSES, load_head, load_role_head
    from meetinglens.analysis.influence_speaker import load_mode_model, load_role_model

    shipped, shipped_roles = load_head(), load_role_head()
    files = [f for f in dataset_files() if f.stem in set(shipped.meta.get("meetings", []))]
    rows = tr.join(tr.meeting_rows(files), tr.extra_rows())
    lomo = tr.leave_one_meeting_out(rows, tr.embed(rows), float(shipped.meta.get("C", tr.C)))
    files = [f for f in dataset_files() if f.stem in set(shipped_roles.meta.get("meetings", []))]
    rows = tr.role_rows(files)
    lomo_roles = tr.leave_one_meeting_out(rows, tr.embed(rows),
                                          float(shipped_roles.meta.get("C", tr.C)), ROLE_HEAD_CLASSES)
    flags = flag_head_provider() if mode in ("auto", "tally") else (lambda meeting_id: None)

    def utterance_heads(meeting_id):
        return lomo.get(meeting_id, shipped), lomo_roles.get(meeting_id, shipped_roles)

    speakers = lambda meeting_id: (None, None)  # noqa: E731
    if mode != "tally":
        role_model, mode_model = load_role_model(), load_mode_model()
        trained = [f for f in dataset_files()
                   if f.stem in set(role_model.meta.get("meetings", []))]
        lomo_speakers = st.lomo_models(st.speaker_rows(trained, utterance_heads),
                                       float(role_model.meta.get("C", st.C)))
        # Both speaker models are fitted on the same buyers (train_influence_head.py).
        speakers = lambda meeting_id: lomo_speakers.get(  # noqa: E731
            meeting_id, (role_model, mode_model))
    return lambda meeting_id: (*utterance_heads(meeting_id), flags(meeting_id),
                               speakers(meeting_id))


def blind_provider(files):
    """The shipped heads as they are when none of them was trained on any of ``files`` (a blind
    split), else None: leave-one-meeting-out refits (many minutes) are then not needed."""
    from meetinglens.analysis.influence_flaghead import load_flag_head
    from meetinglens.analysis.influence_head import load_head, load_role_head
    from meetinglens.analysis.influence_speaker import load_mode_model, load_role_model

    heads = (load_head(), load_role_head(), load_flag_head(), load_role_model(),
             load_mode_model())
    trained = {m for h in heads for m in h.meta.get("meetings", [])}
    if any(f.stem in trained for f in files):
        return None
    mode_head, role_head, flag_head, role_model, mode_model = heads
    return lambda meeting_id: (mode_head, role_head, flag_head, (role_model, mode_model))


#: Meeting groups of ``--by-split``: the lexicons were written on the first, not the others.
LEXICON_SPLITS = ("dev", "test", "holdout", "holdout2", "holdout3")


def by_split() -> None:
    """Shipped analyzer vs the older role tally (same heads, leave one meeting out), per group:
    the 31 meetings the lexicons were written on, holdout4, train5."""
    auto = head_provider("auto")
    tally = lambda meeting_id: (*auto(meeting_id)[:3], (None, None))  # noqa: E731
    groups = {"lexicon-31": [f for s in LEXICON_SPLITS for f in dataset_files(s)],
              "holdout4": dataset_files("holdout4"), "train5": dataset_files("train5")}
    for group, files in groups.items():
        for name, head_for in (("shipped", auto), ("tally-roles", tally)):
            cells = []
            for vname, variant in VARIANTS.items():
                r = evaluate(files, variant, head_for=head_for)
                cells.append(f"{vname}: role={r['role_acc']:.3f} mode={r['mode_acc']:.3f} "
                             f"flagF1={r['macro_f1']:.3f}")
            print(f"[{group} / {name}] " + " | ".join(cells), flush=True)


SWEEP = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
#: The cue lexicons that only the red flags read; ``--no-flag-cues`` empties them to measure
#: what the evidence head finds alone (the rules were written on 26 of these meetings).
FLAG_LEXICONS = ("BUDGET_KNOWN", "BUDGET_UNKNOWN", "PROCESS_KNOWN", "PROCESS_UNKNOWN",
                 "NEW_INFLUENCER", "REORGANIZATION", "COMPETITOR_PREF", "COMPETITOR_STRONG",
                 "STATUS_QUO", "NEXT_STEP", "DEFERRAL", "ENGAGED_CUES")


def drop_flag_lexicons() -> None:
    from meetinglens.analysis import influence_lexicon as lx

    for name in FLAG_LEXICONS:
        setattr(lx, name, ())


def sweep(files, head_for, only: str | None = None) -> None:
    """Per-flag F1 (clean, leave one meeting out) with every evidence class (or only the class
    ``only``) at one head threshold, for choosing ``influence_flags.HEAD_MIN`` per flag."""
    from meetinglens.analysis import influence_flags as fl

    saved = dict(fl.HEAD_MIN)
    try:
        for t in SWEEP + ((0.95,) if only else ()):
            fl.HEAD_MIN.update({c: t for c in fl.HEAD_MIN if only in (None, c)})
            for vname in ("clean",):
                r = evaluate(files, VARIANTS[vname], head_for=head_for)
                cells = " ".join(f"{flag[:12]}={_fmt(v[0])}/{_fmt(v[2])}"
                                 for flag, v in r["per_flag"].items())
                print(f"t={t} {vname:5s} macroF1={r['macro_f1']:.3f}  P/F1: {cells}")
    finally:
        fl.HEAD_MIN.update(saved)


MODE_GRID = {"MIN_MODE_SCORE": (1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0),
             "MIN_MODE_MARGIN": (0.0, 0.5, 1.0, 1.5, 2.0, 3.0),
             "MIN_MODE_WORDS": (0, 20, 40, 60),
             "MIN_TROUBLE_SCORE": (2.0, 3.0, 4.0, 5.0, 6.0, 8.0)}


def mode_evidence(files, variant: dict) -> list[tuple[str, dict, int, str]]:
    """Per gold buyer: (meeting id, tally scores, substantive words, gold mode), with the mode
    head refitted without the buyer's meeting (leave one meeting out)."""
    from meetinglens.analysis import influence_roles as rl
    from meetinglens.analysis import influence_train as tr
    from meetinglens.analysis.influence import mode_head_scores
    from meetinglens.analysis.influence_head import load_head

    shipped = load_head()
    trained = [f for f in dataset_files() if f.stem in set(shipped.meta.get("meetings", []))]
    rows = tr.join(tr.meeting_rows(trained), tr.extra_rows())
    lomo = tr.leave_one_meeting_out(rows, tr.embed(rows), float(shipped.meta.get("C", tr.C)))
    out = []
    for path in files:
        meeting, gold = load_labelled(path, **variant)
        buyers, _ = rl.buyer_speakers(meeting)
        head_scores = mode_head_scores(meeting, buyers, lomo.get(meeting.id, shipped))
        for name, mode in gold.response_modes.items():
            utts = rl.utterances_of(meeting, name)
            tally = rl._mode_cue_tally(utts)
            rl._add_head(tally, utts, head_scores.get(name), rl.HEAD_MIN_PROB, rl.HEAD_WEIGHT)
            out.append((meeting.id, dict(tally.scores), rl.substantive_words(utts), mode))
    return out


def tune_modes(files, details: bool = False) -> None:
    """Grid over the mode decision's evidence thresholds (influence_roles.MIN_MODE_*): buyer
    mode accuracy, leave one meeting out, clean and ASR, and the confusion at the best point."""
    import itertools

    from meetinglens.analysis import influence_roles as rl

    data = {v: mode_evidence(files, VARIANTS[v]) for v in ("clean", "asr")}
    for mid, sc, w, g in data["clean"] if details else ():
        print(f"  {mid[:28]:28s} gold={g:13s} words={w:4d} "
              + " ".join(f"{m[:5]}={v:.1f}" for m, v in sorted(sc.items())))
    results = []
    for values in itertools.product(*MODE_GRID.values()):
        setting = dict(zip(MODE_GRID, values))
        for k, v in setting.items():
            setattr(rl, k, v)
        acc = {v: sum(rl.decide_mode(sc, w) == g for _, sc, w, g in rows) / len(rows)
               for v, rows in data.items()}
        results.append(((acc["clean"] + acc["asr"]) / 2, acc, setting))
    results.sort(key=lambda r: -r[0])
    for mean, acc, setting in results[:15]:
        print(f"mean={mean:.3f} clean={acc['clean']:.3f} asr={acc['asr']:.3f} {setting}")
    for k, v in results[0][2].items():
        setattr(rl, k, v)
    confusion = Counter((g, rl.decide_mode(sc, w)) for _, sc, w, g in data["clean"])
    modes = rl.MODES
    print("gold \\ got  " + " ".join(f"{m[:9]:>9s}" for m in modes))
    for g in modes:
        print(f"{g[:12]:12s} " + " ".join(f"{confusion[(g, m)]:9d}" for m in modes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default=None,
                        help="one split (dev, test, holdout, holdout2, holdout3, or any "
                             "<split>-*.json prefix) or all (default: each, then all)")
    parser.add_argument("--details", action="store_true", help="print every error")
    parser.add_argument("--head", choices=["auto", "noflag", "tally", "none"], default="auto",
                        help="auto: shipped mode, role and flag heads, refitted leaving one "
                             "meeting out for meetings they were trained on; noflag: no flag "
                             "head; tally: no speaker-level models; none: cue lexicons only")
    parser.add_argument("--sweep", action="store_true",
                        help="per-flag figures at several flag-head thresholds (all meetings)")
    parser.add_argument("--sweep-class", default=None,
                        help="with --sweep: move only this evidence class's threshold")
    parser.add_argument("--no-flag-cues", action="store_true",
                        help="red flags from the evidence head alone (flag lexicons emptied)")
    parser.add_argument("--by-split", action="store_true",
                        help="shipped vs the older role tally on lexicon-31 / holdout4 / train5")
    parser.add_argument("--tune-modes", action="store_true",
                        help="grid over the response-mode evidence thresholds (LOMO)")
    args = parser.parse_args()
    if args.tune_modes:
        tune_modes(dataset_files(args.split if args.split not in (None, "all") else None),
                   args.details)
        return
    if args.by_split:
        by_split()
        return
    if args.no_flag_cues:
        drop_flag_lexicons()
    if args.sweep:
        sweep(dataset_files(args.split if args.split not in (None, "all") else None),
              head_provider(args.head), args.sweep_class)
        return
    found = dataset_splits()
    # Default: every split, then all of them together (one leave-one-meeting-out setup).
    splits = ([s for s in KNOWN_SPLITS if s in found] + [s for s in found if s not in KNOWN_SPLITS]
              + ["all"] if args.split is None else [args.split])
    blind = (blind_provider(dataset_files(args.split))
             if args.head == "auto" and args.split not in (None, "all") else None)
    head_for = blind or head_provider(args.head)
    for split in splits:
        files = dataset_files(None if split == "all" else split)
        if not files:
            print(f"[{split}] no meetings")
            continue
        for vname, variant in VARIANTS.items():
            t0 = time.perf_counter()
            if args.details:
                print(f"--- {split} / {vname}")
            r = evaluate(files, variant, args.details, head_for)
            took = time.perf_counter() - t0
            print(f"[{split} / {vname}] meetings={r['meetings']}  "
                  f"role_acc={r['role_acc']:.3f} ({r['roles_n']} buyers)  "
                  f"mode_acc={r['mode_acc']:.3f}  flag_macroF1={r['macro_f1']:.3f}  "
                  f"false_flags/meeting={r['false_flags_per_meeting']:.2f}  "
                  f"mentions R={_fmt(r['mention_recall'])} P={_fmt(r['mention_precision'])}  "
                  f"({took:.1f}s)")
            if vname == "clean" or args.details:
                for flag, (p, rec, f1, support) in r["per_flag"].items():
                    print(f"    {flag:26s} P={_fmt(p)} R={_fmt(rec)} F1={_fmt(f1)} "
                          f"support={support}")


if __name__ == "__main__":
    main()
