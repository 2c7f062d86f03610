"""Measure question detection and typing on the Switchboard Dialog Act Corpus (SwDA).

Usage::

    .venv/bin/python benchmarks/questions_swda.py              # test split (the figures)
    .venv/bin/python benchmarks/questions_swda.py --split train --errors qy^d   # tuning
    .venv/bin/python benchmarks/questions_swda.py --split train --sample 250 --no-timing
    .venv/bin/python benchmarks/questions_swda.py --split train --skip 250 --sample 250 \
        --no-timing        # held-out train range: confirm a change before touching test

Reads ``../shared/data/swda/<split>/*.txt`` (lines ``speaker|utterance|tag``). The rules in
``meetinglens.analysis.question_rules`` ship no weights; SwDA (CC BY-NC-SA) is only used here.

Tag mapping (issue 4): qy→yes_no, qw→wh, qo→wh (open), qy^d and qw^d→declarative,
^g→tag, qrr→alternative, qh→rhetorical, everything else → not a question. ``bh``
("really?", "is that right?") counts as NOT a question: it reacts rather than asks, and a
sales rep should not be credited with questions for saying "oh, really?". ``--bh-question``
scores it as a yes/no question instead, to show what that choice costs.

Two SwDA conventions limit what the type figures can show. ``qrr`` is the "Or-Clause": the
"or …" unit tacked onto a yes/no question ("or do you rent?"); a whole "A or B?" question in
one unit is labelled ``qy`` (train 0-499: the rules' "yes/no form with 'or'" alternatives
were qrr 0 times in 75). And ``^g`` marks a tag that stands alone ("right?", "isn't it?");
a statement with its tag attached ("it's cold, isn't it?") is ``qy``. So alternative and
tag precision here are lower bounds for the analyzer's own definitions (issue 4).

Open vs closed gold: qo, qw, qw^d are open (invite elaboration); qy, qy^d, ^g, qrr are
closed; qh is left out (a rhetorical question invites nothing).

Each utterance is judged with its dialogue context, as the analyzer does in a meeting: the
other speaker's utterance just before and just after it, and whether the same speaker goes
on (SwDA keeps the dialogue order; the learned head reads all three);
``--no-context`` judges each utterance alone, to show what the context adds.

Each figure is printed for the original text and for ASR-style text (lower-cased,
punctuation removed, apostrophes kept as Whisper writes them), and finally the analysis of a
60-minute two-speaker meeting built from the split's utterances is timed.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from embed_cache import cached_encode  # noqa: E402

from meetinglens.analysis import question_vote as vote  # noqa: E402
from meetinglens.analysis.question_context import DialogueContext  # noqa: E402
from meetinglens.analysis.question_rules import QTYPES, classify, find_questions  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SWDA = ROOT.parent / "shared" / "data" / "swda"

GOLD_TYPE = {"qy": "yes_no", "qw": "wh", "qo": "wh", "qy^d": "declarative",
             "qw^d": "declarative", "^g": "tag", "qrr": "alternative", "qh": "rhetorical"}
GOLD_OPEN = {"qo": True, "qw": True, "qw^d": True,
             "qy": False, "qy^d": False, "^g": False, "qrr": False}
#: Words per minute of meeting speech, to size the timed 60-minute meeting.
WORDS_PER_MINUTE = 150
MEETING_MINUTES = 60
_PUNCT = re.compile(r"[^\w\s']")


def load(split: str, sample: int = 0, skip: int = 0) -> list[tuple[str, str, str]]:
    """Rows of ``split``: conversations ``skip`` .. ``skip + sample`` (all when ``sample`` is
    0), so a train range can be held out (tune on 0-249, confirm on ``--skip 250``)."""
    folder = SWDA / split
    if not folder.is_dir():
        sys.exit(f"SwDA split not found at {folder}")
    rows = []
    paths = sorted(folder.glob("*.txt"))[skip:]
    for path in paths[:sample] if sample else paths:
        for line in path.read_text().splitlines():
            parts = line.split("|")
            if len(parts) == 3:
                rows.append((f"{path.stem}:{parts[0]}", parts[1], parts[2]))
    return rows


def asr_style(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def contexts(rows, variant: str = "original") -> list[DialogueContext | None]:
    """What the other speaker said just before and just after each row (same conversation).

    SwDA files keep the dialogue order, so this is the context the analyzer sees in a
    meeting: the neighbouring utterances, kept only when another speaker said them.
    """
    out = []
    for i, (key, _, _) in enumerate(rows):
        conv, speaker = key.rsplit(":", 1)

        def other(j):
            if 0 <= j < len(rows):
                c, s = rows[j][0].rsplit(":", 1)
                if c == conv and s != speaker:
                    return asr_style(rows[j][1]) if variant == "asr" else rows[j][1]
            return None
        goes_on = (i + 1 < len(rows) and rows[i + 1][0] == key)
        out.append(DialogueContext(other(i - 1), other(i + 1), goes_on))
    return out


def predict(text: str, context: DialogueContext | None = None) -> tuple[str | None, bool]:
    """Utterance-level label from the rules alone: the most confident question found."""
    return utterance_label(find_questions(text, context))


def utterance_label(questions) -> tuple[str | None, bool]:
    """SwDA labels whole utterances: take the most confident question found (type, open)."""
    if not questions:
        return None, False
    best = max(questions, key=lambda q: q.confidence)
    return best.qtype, best.open


def head_scorer(split: str, variant: str):
    """The shipped head over embeddings cached on disk (``.cache/embeddings``) per split."""
    from meetinglens.analysis.question_dialogue import embed_inputs
    from meetinglens.analysis.question_head import load_head

    head = load_head()
    name = f"swda-{split}-{variant}"
    return lambda inputs: head.score_embeddings(
        embed_inputs(inputs, lambda texts: cached_encode(list(texts), name)))


def predictions(rows, variant, split, use_context=True, use_head=True, t=vote.DEFAULT):
    """(type, open) per row, from rules + head (or rules alone)."""
    texts = [asr_style(r[1]) if variant == "asr" else r[1] for r in rows]
    ctxs = contexts(rows, variant) if use_context else [None] * len(rows)
    if not use_head:
        return [predict(x, c) for x, c in zip(texts, ctxs)]
    judged = vote.judge_all(texts, ctxs, head_scorer(split, variant), t)
    return [utterance_label(qs) for qs in judged]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(rows, preds, bh_question: bool = False) -> dict:
    """Detection, per-type, open/closed figures of utterance-level ``preds`` against SwDA."""
    gold_map = dict(GOLD_TYPE, **({"bh": "yes_no"} if bh_question else {}))
    det = Counter()
    per_type = {t: Counter() for t in QTYPES}
    open_hits = open_n = typed_hits = typed_n = 0
    for (_, text, tag), (pred, pred_open) in zip(rows, preds):
        gold = gold_map.get(tag)
        det[("tp" if gold else "fp") if pred else ("fn" if gold else "tn")] += 1
        for t in QTYPES:
            if pred == t and gold == t:
                per_type[t]["tp"] += 1
            elif pred == t:
                per_type[t]["fp"] += 1
            elif gold == t:
                per_type[t]["fn"] += 1
        if gold and pred:
            typed_n += 1
            typed_hits += pred == gold
            if tag in GOLD_OPEN:
                open_n += 1
                open_hits += pred_open == GOLD_OPEN[tag]
    types = {t: prf(c["tp"], c["fp"], c["fn"]) + (c["tp"] + c["fn"],) for t, c in per_type.items()}
    supported = [v[2] for v in types.values() if v[3] > 0]
    return {
        "detection": prf(det["tp"], det["fp"], det["fn"]),
        "n_gold": det["tp"] + det["fn"], "n": len(rows),
        "types": types, "macro_f1": sum(supported) / len(supported) if supported else 0.0,
        "typing_acc": typed_hits / typed_n if typed_n else 0.0, "typed_n": typed_n,
        "open_acc": open_hits / open_n if open_n else 0.0, "open_n": open_n,
        "all_acc": (det["tn"] + sum(c["tp"] for c in per_type.values())) / len(rows),
    }


def print_table(split: str, results: dict) -> None:
    print(f"\nSwDA {split}: {results['original']['n']} utterances, "
          f"{results['original']['n_gold']} gold questions")
    print(f"{'figure':<34}{'original':>12}{'asr-style':>12}")

    def row(name, key):
        print(f"{name:<34}" + "".join(f"{key(results[v]):>12.3f}" for v in ("original", "asr")))

    row("detection precision", lambda r: r["detection"][0])
    row("detection recall", lambda r: r["detection"][1])
    row("detection F1", lambda r: r["detection"][2])
    for t in QTYPES:
        n = results["original"]["types"][t][3]
        row(f"{t} F1 (n={n})", lambda r, t=t: r["types"][t][2])
        row(f"  {t} P / R", lambda r, t=t: r["types"][t][0])
        row("", lambda r, t=t: r["types"][t][1])
    row("type macro-F1 (types with n>0)", lambda r: r["macro_f1"])
    row("type accuracy | detected question", lambda r: r["typing_acc"])
    row("open-vs-closed acc | detected", lambda r: r["open_acc"])
    row("label accuracy, all utterances", lambda r: r["all_acc"])


def show_errors(rows, tag: str, limit: int = 40) -> None:
    shown = 0
    ctxs = {v: contexts(rows, v) for v in ("original", "asr")}
    for i, (_, text, t) in enumerate(rows):
        if t != tag:
            continue
        for variant in ("original", "asr"):
            x = asr_style(text) if variant == "asr" else text
            pred, is_open = predict(x, ctxs[variant][i])
            if pred != GOLD_TYPE.get(tag):
                print(f"[{variant}] {tag} -> {pred} open={is_open}: {x}  ({classify(x).reason})")
                shown += 1
        if shown >= limit:
            return


def error_table(rows, preds_by_variant: dict, show: str = "", limit: int = 30) -> None:
    """Where the full pipeline (rules + head, with context) goes wrong: false positives by
    the gold SwDA tag they carry, false negatives by gold question type, per spelling.
    ``show`` prints the errors of one tag (FP, e.g. ``sd``) or one type (FN, e.g. ``wh``)."""
    counts = {}
    for v, preds in preds_by_variant.items():
        fp, fn = Counter(), Counter()
        for (_, _, tag), (pred, _) in zip(rows, preds):
            gold = GOLD_TYPE.get(tag)
            if pred and not gold:
                fp[tag] += 1
            elif gold and not pred:
                fn[gold] += 1
        counts[v] = (fp, fn)
    for kind, k in (("false positives by gold tag", 0), ("false negatives by gold type", 1)):
        keys = Counter()
        for v in counts:
            keys.update(counts[v][k])
        print(f"\n{kind:<34}{'original':>12}{'asr-style':>12}")
        for key, _ in keys.most_common(15):
            print(f"{key:<34}" + "".join(f"{counts[v][k][key]:>12}" for v in counts))
        print(f"{'total':<34}" + "".join(f"{sum(counts[v][k].values()):>12}" for v in counts))
    if not show:
        return
    for v, preds in preds_by_variant.items():
        shown = 0
        for i, ((_, text, tag), (pred, _)) in enumerate(zip(rows, preds)):
            gold = GOLD_TYPE.get(tag)
            hit = (pred and not gold and tag == show) or (gold == show and not pred)
            if hit and shown < limit:
                x = asr_style(text) if v == "asr" else text
                nxt = rows[i + 1][1] if i + 1 < len(rows) else ""
                print(f"[{v}] {tag} -> {pred}: {x}   || next: {nxt[:60]}")
                shown += 1


def show_false_positives(rows, limit: int = 40) -> None:
    shown = Counter()
    ctxs = contexts(rows, "asr")
    for (_, text, tag), ctx in zip(rows, ctxs):
        if tag in GOLD_TYPE or tag == "bh":
            continue
        x = asr_style(text)
        for q in find_questions(x, ctx):
            print(f"[asr] {tag} -> {q.qtype} ({q.reason}): {x}")
            shown[tag] += 1
            break
        if sum(shown.values()) >= limit:
            break


def time_meeting(rows) -> tuple[float, int, int]:
    """Seconds to analyze a 60-minute two-speaker meeting made of SwDA utterances."""
    from meetinglens.analysis.base import AnalysisContext
    from meetinglens.analysis.questions import analyze
    from meetinglens.model import Meeting, Speaker, Utterance

    target = WORDS_PER_MINUTE * MEETING_MINUTES
    utterances, words, clock = [], 0, 0.0
    for i, (speaker, text, _) in enumerate(rows):
        n = len(text.split())
        seconds = max(n, 1) * 60.0 / WORDS_PER_MINUTE
        name = "Seller" if speaker.endswith("A") else "Buyer"
        utterances.append(Utterance(i, name, text, clock, clock + seconds))
        clock += seconds
        words += n
        if words >= target:
            break
    meeting = Meeting("swda-60min", tuple(utterances),
                      (Speaker("Seller", "seller"), Speaker("Buyer", "buyer")))
    t0 = time.perf_counter()
    analyze(AnalysisContext(meeting))
    return time.perf_counter() - t0, len(utterances), words


def print_timing(split: str) -> None:
    """Time the 60-minute meeting in a fresh process, so no embedding is memoised yet (the
    figure includes loading MiniLM), then once more in that process (embeddings memoised,
    as when another analyzer embedded the same utterances first)."""
    import subprocess

    subprocess.run([sys.executable, __file__, "--split", split, "--timing-only"], check=True)


def _timing_only(rows) -> None:
    cold, n_utt, n_words = time_meeting(rows)
    warm, _, _ = time_meeting(rows)
    print(f"60-minute meeting ({n_utt} utterances, {n_words} words): questions analysis in "
          f"{cold:.2f} s in a fresh process (MiniLM load and head embeddings included), "
          f"{warm:.2f} s with embeddings memoised")


TUNE_GRID = {"keep": (0.0, 0.2, 0.35), "add": (0.5, 0.6, 0.7, 0.8, 0.9, 1.01),
             "rhetorical": (0.5, 0.7, 1.01), "sure": (0.75, 0.85),
             "yes_no_margin": (0.2, 1.01), "answered": (False, True)}


def tune(rows, split: str, top: int = 15) -> None:
    """Print the figures of every threshold combination (both variants), best first.

    Objective: mean over the two variants of detection F1 + type macro-F1 (both targets).
    """
    import itertools

    variants = ("original", "asr")
    texts = {v: [asr_style(r[1]) if v == "asr" else r[1] for r in rows] for v in variants}
    ctxs = {v: contexts(rows, v) for v in variants}
    results = []
    for sure, answered in itertools.product(TUNE_GRID["sure"], TUNE_GRID["answered"]):
        # plan with the lowest 'add' so formless sentences are scored for every 'add' tried
        base = vote.Thresholds(add=min(TUNE_GRID["add"]), sure=sure, answered=answered)
        plans = {v: [vote.plan(x, c, base) for x, c in zip(texts[v], ctxs[v])] for v in variants}
        scores = {}
        for v in variants:
            wanted = list(dict.fromkeys(u.head_input for p in plans[v] for u in p
                                        if u.ask_head))
            scores[v] = vote.head_scores(head_scorer(split, v)(wanted), wanted)
        for keep, add, rhet, yn in itertools.product(
                TUNE_GRID["keep"], TUNE_GRID["add"], TUNE_GRID["rhetorical"],
                TUNE_GRID["yes_no_margin"]):
            t = vote.Thresholds(keep, add, rhet, sure, yn, answered)
            figs = {v: evaluate(rows, [utterance_label(vote.decide(p, scores[v], t))
                                       for p in plans[v]]) for v in variants}
            obj = sum(f["detection"][2] + f["macro_f1"] for f in figs.values()) / 2
            results.append((obj, t, figs))
    results.sort(key=lambda r: -r[0])
    print(f"{'objective':>9} {'keep':>5} {'add':>5} {'rhet':>5} {'sure':>5} {'y/n':>5} ans | "
          "det F1 orig/asr | macro-F1 orig/asr | open orig/asr")
    for obj, t, f in results[:top]:
        print(f"{obj:9.3f} {t.keep:5.2f} {t.add:5.2f} {t.rhetorical:5.2f} {t.sure:5.2f} "
              f"{t.yes_no_margin:5.2f} {t.answered:d}   | "
              f"{f['original']['detection'][2]:.3f} / {f['asr']['detection'][2]:.3f} | "
              f"{f['original']['macro_f1']:.3f} / {f['asr']['macro_f1']:.3f} | "
              f"{f['original']['open_acc']:.3f} / {f['asr']['open_acc']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="test", choices=["train", "val", "test"])
    ap.add_argument("--bh-question", action="store_true", help="score bh as a yes/no question")
    ap.add_argument("--errors", metavar="TAG", help="print misclassified utterances of TAG")
    ap.add_argument("--false-positives", action="store_true")
    ap.add_argument("--error-table", action="store_true",
                    help="FP by gold tag and FN by gold type of the full pipeline")
    ap.add_argument("--show", default="", metavar="TAG_OR_TYPE",
                    help="with --error-table: print the FPs of a tag / FNs of a type")
    ap.add_argument("--no-timing", action="store_true")
    ap.add_argument("--timing-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--no-context", action="store_true",
                    help="judge each utterance alone, without the other speaker's turns")
    ap.add_argument("--rules-only", action="store_true", help="leave the learned head out")
    ap.add_argument("--sample", type=int, default=0, metavar="N",
                    help="only the first N conversations of the split (tuning on train)")
    ap.add_argument("--skip", type=int, default=0, metavar="N",
                    help="leave out the first N conversations (a held-out train range)")
    ap.add_argument("--tune", action="store_true",
                    help="grid-search the vote thresholds on this split (train/val only)")
    ap.add_argument("--top", type=int, default=15, help="rows of the --tune table")
    args = ap.parse_args()
    rows = load(args.split, args.sample, args.skip)
    if args.timing_only:
        _timing_only(rows)
        return
    if args.tune:
        if args.split == "test":
            sys.exit("tune on train or val only; test is run once with the chosen thresholds")
        tune(rows, args.split, args.top)
        return
    if args.errors:
        show_errors(rows, args.errors)
        return
    if args.false_positives:
        show_false_positives(rows)
        return
    t0 = time.perf_counter()
    preds = {v: predictions(rows, v, args.split, not args.no_context, not args.rules_only)
             for v in ("original", "asr")}
    results = {v: evaluate(rows, preds[v], args.bh_question) for v in preds}
    elapsed = time.perf_counter() - t0
    print_table(args.split + (" (bh counted as yes/no question)" if args.bh_question else ""),
                results)
    print(f"\n{'rules' if args.rules_only else 'rules + head'} speed: "
          f"{2 * len(rows) / elapsed:,.0f} utterances/s (both variants; embeddings cached "
          "on disk after the first run)")
    if args.error_table:
        error_table(rows, preds, args.show)
    if not args.no_timing:
        print_timing(args.split)


if __name__ == "__main__":
    main()
