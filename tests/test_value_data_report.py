"""Value analyzer plumbing: the labelled set and its loader, the head file and its resolver,
and the report section (escaping, SVG, markdown)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from meetinglens.analysis import value_head
from meetinglens.analysis.value_data import DATASET_DIR, load_dataset, load_meeting
from meetinglens.analysis.value_rules import FEATURE_NAMES
from meetinglens.analysis.value_signals import SIGNALS
from meetinglens.errors import InputError, ModelNotFoundError
from meetinglens.model import (AnalyzerResult, Evidence, Finding, Meeting, Report, Speaker,
                               Utterance)


def test_dev_set_meets_the_brief():
    examples = load_dataset()
    meetings = {e.meeting for e in examples}
    assert len(examples) >= 800 and len(meetings) >= 10
    assert {e.side for e in examples} == {"buyer", "seller"}
    for signal in SIGNALS:  # every signal has positives, and most lines are negatives
        assert sum(signal in e.labels for e in examples) >= 20, signal
    assert sum(not e.labels for e in examples) > len(examples) / 3
    # hard negatives are present: bare "okay" and seller talk about competitors
    assert any(e.text.strip(" .").lower() == "okay" and not e.labels for e in examples)
    assert any(e.side == "seller" and "vendor" in e.text.lower() and not e.labels
               for e in examples)


def test_heldout_is_separate_from_dev():
    dev = {e.meeting for e in load_dataset()}
    held = {e.meeting for e in load_dataset(DATASET_DIR / "heldout")}
    assert held and not dev & held


def _write(tmp_path, rows):
    path = tmp_path / "m.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def test_loader_rejects_unknown_label_and_wrong_side(tmp_path):
    row = {"meeting": "m", "i": 0, "speaker": "A", "side": "buyer", "text": "hi", "labels": []}
    with pytest.raises(InputError, match="unknown labels"):
        load_meeting(_write(tmp_path, [{**row, "labels": ["customer_mood"]}]))
    with pytest.raises(InputError, match="seller cannot produce"):
        load_meeting(_write(tmp_path, [{**row, "side": "seller", "labels": ["agreement"]}]))
    with pytest.raises(InputError, match="line 1: not JSON"):
        (tmp_path / "bad.jsonl").write_text("{oops\n")
        load_meeting(tmp_path / "bad.jsonl")
    assert load_meeting(_write(tmp_path, [row]))[0].labels == frozenset()


def test_head_file_is_plain_arrays_matching_the_rules():
    head = value_head.read_head(value_head.HEAD_FILE)
    assert head.signals == SIGNALS
    assert head.feature_names == FEATURE_NAMES
    assert head.weights.shape == (len(SIGNALS), 384 + len(FEATURE_NAMES))
    assert np.all((head.thresholds > 0) & (head.thresholds < 1))
    with np.load(value_head.HEAD_FILE, allow_pickle=False) as data:  # no pickle needed
        assert "weights" in data.files
    p = head.probabilities(np.zeros((2, head.weights.shape[1]), dtype=np.float32))
    assert p.shape == (2, len(SIGNALS)) and np.all((p > 0) & (p < 1))


def test_head_not_found_lists_every_place(monkeypatch, tmp_path):
    monkeypatch.setenv(value_head.HEAD_ENV, str(tmp_path / "nope.npz"))
    monkeypatch.setattr(value_head, "HEAD_FILE", tmp_path / "absent" / "head.npz")
    with pytest.raises(ModelNotFoundError) as err:
        value_head.head_path()
    text = str(err.value)
    assert "nope.npz" in text and "absent" in text and "train_value_head.py" in text


def _report() -> Report:
    m = Meeting("r", (Utterance(0, "Eve <script>", "<b>we</b> will pilot it", 0.0, 65.0),),
                (Speaker("Eve <script>", "buyer"),))
    ev = Evidence.of(m.utterances[0])
    findings = (
        Finding("value.co_creation", "Value co-creation: strong.", "positive", evidence=(ev,),
                data={"level": "strong"}),
        Finding("value.joint_planning", "x", "positive", speaker="Eve <script>", evidence=(ev,),
                confidence=0.9, data={"signal": "joint_planning", "utterance": 0}),
    )
    bins = tuple({"bin": b + 1, "start": 13.0 * b, "end": 13.0 * (b + 1), "utterances": 1,
                  "feature_talk": b, "benefit_talk": 1, "customer_contributions": 0}
                 for b in range(5))
    result = AnalyzerResult("value", {"co_creation_level": "strong", "signals": {"joint_planning": 1},
                                      "interaction_style": "open discourse",
                                      "next_step_driver": "customer pull"},
                            findings, {"signals": (), "timeline": bins}, ("a note",))
    return Report(m, {"value": result})


def test_section_html_escapes_and_draws_the_timeline():
    from meetinglens.report.sections import value as section

    report = _report()
    html = section.html(report.results["value"], report)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>we</b>" not in html
    assert html.count("<svg") == 1 and "Feature talk vs benefit talk" in html
    assert "00:52–01:05" in html  # bins labelled with mm:ss
    assert "Joint planning (1)" in html


def test_section_markdown_quotes_with_speaker_and_time():
    from meetinglens.report.sections import value as section

    report = _report()
    md = section.markdown(report.results["value"], report)
    assert "Co-creation: strong" in md and "customer pull" in md
    assert "00:00" in md and "\\<b\\>" in md  # escaped, not raw HTML
    assert section.headlines(report.results["value"], report)
