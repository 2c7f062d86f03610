"""Time the talk analyzer and the report writers on a synthetic 60-minute meeting.

    .venv/bin/python benchmarks/talk_report_bench.py [--minutes 60] [--out DIR]

The meeting is built deterministically (seeded) from realistic sales-call lines: a seller who
opens with a long company overview, back-channels, a customer story, overlaps. It prints the
median of several runs for: analyze (talk only), HTML, Markdown, CSV+JSON writing. With
``--out`` it also keeps the written report (used for the headless-Chromium check).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from meetinglens.analysis.base import run_analyzers
from meetinglens.model import Meeting, Report, Speaker, Utterance

SELLER_LINES = [
    "Thanks for making the time today, I know the quarter end is busy for your team.",
    "Let me give you a quick overview of who we are and how we work with teams like yours.",
    "We started in 2016 with logistics companies and today we support about four hundred "
    "customers across Europe, mostly mid-sized distributors.",
    "Our platform connects your warehouse system with the carriers, so your planners see every "
    "shipment in one place and can rebook when something slips.",
    "What would it mean for your planners if they did not have to chase carriers by phone?",
    "How are you handling the peak season today?",
    "That makes sense. Can you walk me through what happened last November?",
    "So if I understand you correctly, the real cost is the overtime and the penalties.",
    "We have seen similar situations at a grocery wholesaler in Hamburg.",
    "Who else would need to be involved in a decision like this?",
]
BUYER_LINES = [
    "Sure, happy to. Our main issue is visibility once the trucks leave the yard.",
    "Last November we had three carriers fail on the same day and nobody noticed until the "
    "stores called us.",
    "We ended up paying penalties to two retail chains and the planners worked every weekend.",
    "Honestly the spreadsheets are the problem, every planner keeps their own version.",
    "Our CFO asked me to find a way to cut the overtime by at least a third next year.",
    "I would need IT to look at the integration with our SAP system before anything else.",
    "We looked at another tool two years ago, but it never went live.",
]
BACKCHANNELS = ["Right.", "Mm-hm.", "Okay.", "Yes, sure.", "Got it."]
WPS = 2.5  # words per second of speech


def _say(rng: random.Random, pool: list[str], sentences: int) -> str:
    return " ".join(rng.choice(pool) for _ in range(sentences))


def demo_meeting(minutes: float = 30, seed: int = 7, hostile: bool = True) -> Meeting:
    """A timed seller/buyer meeting of about ``minutes`` with a long overview and a story."""
    rng = random.Random(seed)
    speakers = (Speaker("Dana Reyes", "seller", "participants", org="FleetLink",
                        title="Account Executive"),
                Speaker("Omar Said", "seller", "participants", org="FleetLink",
                        title="Solutions Engineer"),
                Speaker("Anna Berg", "buyer", "participants", org="Nordfrost",
                        title="Head of Logistics"),
                Speaker("Jonas Weber", "buyer", "inferred", "asks about IT integration",
                        org="Nordfrost"))
    utts: list[Utterance] = []
    t = 2.0

    def add(name: str, text: str, gap: float = 0.6) -> None:
        nonlocal t
        start = max(0.0, t + gap)
        end = start + max(0.6, len(text.split()) / WPS)
        utts.append(Utterance(len(utts), name, text, round(start, 2), round(end, 2),
                              source_index=len(utts)))
        t = end

    add("Dana Reyes", SELLER_LINES[0])
    for _ in range(6):  # a company overview of ~2.5 minutes
        add("Dana Reyes", _say(rng, SELLER_LINES[1:4], 6), 0.3)
    if hostile:
        add("Jonas Weber", "Quick one: our portal shows <script>alert('x')</script> & "
                           "\"quotes\" in the notes field, does that break your import?")
    add("Omar Said", "No, we escape everything on import.")
    while t < minutes * 60 * 0.45:
        add("Dana Reyes", rng.choice(SELLER_LINES[4:]))
        add(rng.choice(["Anna Berg", "Jonas Weber"]), _say(rng, BUYER_LINES, rng.randint(1, 3)))
        if rng.random() < 0.3:
            add("Dana Reyes", rng.choice(BACKCHANNELS), -0.4)  # an overlapping back-channel
    add("Dana Reyes", SELLER_LINES[6])
    for _ in range(9):  # Anna's story, with back-channels that do not break it
        add("Anna Berg", _say(rng, BUYER_LINES[1:5], 3))
        add("Dana Reyes", rng.choice(BACKCHANNELS))
    while t < minutes * 60:
        add("Omar Said", _say(rng, SELLER_LINES[3:], rng.randint(1, 4)))
        add(rng.choice(["Anna Berg", "Jonas Weber"]), _say(rng, BUYER_LINES, rng.randint(1, 2)),
            -1.5 if rng.random() < 0.15 else 0.5)
    return Meeting(id="nordfrost-discovery", utterances=tuple(utts), speakers=speakers,
                   title="Nordfrost × FleetLink — discovery call", source="demo (synthetic)",
                   source_format="python")


def _median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1000 * statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out", type=Path, help="keep the written report here")
    args = ap.parse_args(argv)
    from meetinglens.report import write_reports
    from meetinglens.report.markdown import render_markdown
    from meetinglens.report.page import render_html

    meeting = demo_meeting(args.minutes)
    results, warnings = run_analyzers(meeting, ["talk"])
    report = Report(meeting=meeting, results=results, warnings=tuple(warnings),
                    tool_version="bench")
    print(f"meeting: {len(meeting.utterances)} utterances, "
          f"{meeting.span[1] / 60:.1f} min, {sum(u.word_count for u in meeting.utterances)} words")
    print(f"talk analyze   : {_median_ms(lambda: run_analyzers(meeting, ['talk']), args.repeats):8.1f} ms")
    print(f"render html    : {_median_ms(lambda: render_html(report), args.repeats):8.1f} ms")
    print(f"render markdown: {_median_ms(lambda: render_markdown(report), args.repeats):8.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        ms = _median_ms(lambda: write_reports(report, tmp, ["json", "csv"]), args.repeats)
    print(f"write json+csv : {ms:8.1f} ms")
    if args.out:
        for path in write_reports(report, args.out, ["json", "html", "md", "csv"]):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
