"""The meetinglens command: help, exit codes, batches with a bad file, light imports.

Plumbing tests run the CLI in-process with a hand-made meeting loader; the subprocess tests
run the real command and check what it imports.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from meetinglens import api, cli
from meetinglens.errors import TranscriptFormatError
from meetinglens.model import Meeting, Speaker, Utterance
from meetinglens.progress import ProgressEvent
from meetinglens.serialize import meeting_from_dict, meeting_to_dict

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
HEAVY = ("torch", "whisper", "transformers")

VTT = """WEBVTT

00:00:00.000 --> 00:00:06.000
Dana Reyes: Thanks for making time. Our platform helps finance teams close faster.

00:00:06.500 --> 00:00:14.000
Ben Okafor: We lose two days every month reconciling invoices by hand.

00:00:14.500 --> 00:00:17.000
Dana Reyes: What happens when those two days slip?

00:00:17.500 --> 00:00:25.000
Ben Okafor: Our CFO gets the numbers late and the board asks why, every quarter.
"""


def meeting(id_: str) -> Meeting:
    return Meeting(
        id=id_, source=f"{id_}.json", source_format="meetinglens-json",
        speakers=(Speaker("Dana", side="seller", side_source="cli"),
                  Speaker("Ben", side="buyer", side_source="cli")),
        utterances=(Utterance(0, "Dana", "Our platform helps teams like yours.", 0.0, 5.0),
                    Utterance(1, "Ben", "We lose two days a month on invoices.", 5.5, 11.0)))


@pytest.fixture
def json_loader(monkeypatch):
    """Transcripts are meetinglens meeting JSON read by a tiny loader (importers are tested elsewhere)."""
    def load(path, participants=None, sellers=(), input_format=None, audio_options=None, **kw):
        path = api.check_input(path)
        try:
            return meeting_from_dict(json.loads(path.read_text("utf-8")))
        except (ValueError, KeyError) as exc:
            raise TranscriptFormatError(path, f"not a meeting ({exc})", "pass a transcript") from exc
    monkeypatch.setattr(api, "load_meeting", load)


def write_meeting(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text(json.dumps(meeting_to_dict(meeting(Path(name).stem))), encoding="utf-8")
    return path


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "meetinglens", *args], capture_output=True,
                          text=True, cwd=cwd or ROOT, env=env, timeout=300)


# ------------------------------------------------------------------ help and usage

def test_help_lists_commands_and_examples(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for word in ("analyze", "transcribe", "deal", "examples:", "--participants"):
        assert word in out


def test_analyze_help_shows_audio_options(capsys):
    with pytest.raises(SystemExit):
        cli.main(["analyze", "--help"])
    out = capsys.readouterr().out
    for option in ("--asr-model", "--device", "--num-speakers", "--speaker-map", "--format"):
        assert option in out


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0 and "meetinglens 0." in capsys.readouterr().out


@pytest.mark.parametrize("argv", [
    [], ["analyze"], ["analyze", "x.vtt", "--format", "pdf"], ["frobnicate"],
    ["analyze", "x.vtt", "--num-speakers", "0"], ["analyze", "x.vtt", "--speaker-map", "Anna"],
    ["analyze", "x.vtt", "--device", "tpu"], ["analyze", "x.vtt", "--beam-size", "0"],
])
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_unknown_analyzer_is_a_clear_error(capsys, tmp_path):
    assert cli.main(["analyze", str(tmp_path / "x.vtt"), "--analyzers", "talk,nope"]) == 1
    assert "Error: unknown analyzer(s) nope (choose from" in capsys.readouterr().err


def test_audio_options_are_passed_through():
    args = cli.build_parser().parse_args([
        "analyze", "call.m4a", "--asr-model", "tiny.en", "--device", "cpu", "--language", "en",
        "--min-speakers", "2", "--max-speakers", "4", "--beam-size", "1",
        "--speaker-map", "Speaker 1=Anna Berg", "--speaker-map", "Speaker 2 = Ben Okafor"])
    options = cli._audio_options(args)
    assert options.asr_model == "tiny.en" and options.device == "cpu" and options.language == "en"
    assert (options.min_speakers, options.max_speakers) == (2, 4) and options.beam_size == 1
    assert cli._audio_options(cli.build_parser().parse_args(["analyze", "x.wav"])).beam_size == 5
    assert dict(options.speaker_map) == {"Speaker 1": "Anna Berg", "Speaker 2": "Ben Okafor"}


def test_contradicting_audio_options_are_an_error(capsys, tmp_path):
    code = cli.main(["analyze", str(tmp_path / "a.wav"), "--min-speakers", "5", "--max-speakers", "2"])
    assert code == 1
    assert "Error: audio options: min_speakers is larger" in capsys.readouterr().err


def test_debug_flag_before_or_after_command():
    parser = cli.build_parser()
    assert parser.parse_args(["--debug", "analyze", "x"]).debug is True
    assert parser.parse_args(["analyze", "x", "--debug"]).debug is True
    assert parser.parse_args(["analyze", "x"]).debug is False


# ------------------------------------------------------------------ analyze: batches

def test_batch_with_one_bad_file(tmp_path, capsys, json_loader):
    good1 = write_meeting(tmp_path, "first call.json")
    good2 = write_meeting(tmp_path, "zweite-Besprechung-ü.json")
    bad = tmp_path / "broken.json"
    bad.write_text("{nope", encoding="utf-8")
    out = tmp_path / "out"
    code = cli.main(["analyze", str(good1), str(bad), str(tmp_path / "missing.vtt"), str(good2),
                     "--out", str(out), "--format", "json,md", "--analyzers", "talk"])
    captured = capsys.readouterr()
    assert code == 1
    assert f"Error: {bad}: not a meeting" in captured.err
    assert f"Error: {tmp_path / 'missing.vtt'}: no such file (check the path" in captured.err
    assert "Traceback" not in captured.err
    assert captured.out.strip().splitlines()[-1] == "2 analyzed, 2 failed"
    written = sorted(p.name for p in out.iterdir())
    assert any(n.endswith(".json") and n.startswith("first") for n in written)
    assert any(n.endswith(".md") for n in written)
    assert not any(n.endswith(".html") for n in written)  # only the formats asked for


def test_all_good_exits_0_and_same_ids_do_not_overwrite(tmp_path, capsys, json_loader):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = write_meeting(tmp_path / "a", "call.json")
    two = write_meeting(tmp_path / "b", "call.json")  # same id "call"
    out = tmp_path / "out"
    code = cli.main(["analyze", str(one), str(two), "--out", str(out), "--format", "json",
                     "--analyzers", "talk", "-q"])
    assert code == 0
    assert capsys.readouterr().out.strip().endswith("2 analyzed, 0 failed")
    assert sorted(p.name for p in out.iterdir()) == ["call-2.json", "call.json"]


@pytest.mark.parametrize("folder", ["tmp", "."])
def test_folder_input_is_an_error(tmp_path, capsys, monkeypatch, folder):
    monkeypatch.chdir(tmp_path)
    target = str(tmp_path) if folder == "tmp" else folder
    assert cli.main(["analyze", target, "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert f"Error: {target}: is a folder" in err and "bug" not in err


def test_debug_shows_traceback(tmp_path, capsys):
    cli.main(["analyze", str(tmp_path / "missing.vtt"), "--debug", "--out", str(tmp_path / "o")])
    assert "Traceback" in capsys.readouterr().err


def test_participants_file_next_to_input_is_found(tmp_path):
    vtt = tmp_path / "call.vtt"
    vtt.write_text(VTT)
    assert cli.participants_for(vtt, None) is None
    (tmp_path / "call.participants.yml").write_text("[]")
    assert cli.participants_for(vtt, None) == str(tmp_path / "call.participants.yml")
    assert cli.participants_for(vtt, "given.yaml") == "given.yaml"


def test_warnings_name_the_file_once(capsys):
    console = cli.Console()
    console.warn("call.wav: the recording is silent", "call.wav")
    console.warn("talk analysis skipped", "call.wav")
    assert capsys.readouterr().err.splitlines() == [
        "Warning: call.wav: the recording is silent", "Warning: call.wav: talk analysis skipped"]


# ------------------------------------------------------------------ progress bars

def test_progress_bars_quiet_and_visible(capsys):
    quiet = cli.ProgressBars(enabled=False)
    quiet(ProgressEvent("analyze", 1, 2, "analyzers", "a.vtt"))
    assert quiet.events == 1 and capsys.readouterr().err == ""
    bars = cli.ProgressBars(enabled=True)
    bars(ProgressEvent("transcribe", 30, 60, "s", "dir/call.m4a"))
    bars(ProgressEvent("transcribe", 60, 60, "s", "dir/call.m4a"))
    bars(ProgressEvent("diarize", 10, None, "s", "dir/call.m4a"))
    bars.close()
    assert "transcribe call.m4a" in capsys.readouterr().err


# ------------------------------------------------------------------ transcribe and deal

def test_transcribe_refuses_transcripts_and_missing_files(tmp_path, capsys):
    vtt = tmp_path / "call.vtt"
    vtt.write_text(VTT)
    code = cli.main(["transcribe", str(vtt), str(tmp_path / "gone.wav"), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 1
    assert "is not a recording" in err and "use 'analyze' for transcripts" in err
    assert "gone.wav: no such file" in err


def test_transcribe_writes_json_and_vtt(tmp_path, capsys, monkeypatch):
    pytest.importorskip("meetinglens.io")
    from meetinglens import io

    if not hasattr(io, "write_vtt"):
        pytest.skip("meetinglens.io.write_vtt not written yet")

    class Pipe:
        def __init__(self):
            self.runs = 0

        def run(self, path, participants=()):
            self.runs += 1
            return meeting(Path(path).stem)
    made = []
    monkeypatch.setattr(api, "make_pipeline", lambda o=None, p=None: made.append(Pipe()) or made[-1])
    a, b = tmp_path / "a.wav", tmp_path / "b b.m4a"
    a.write_bytes(b"x")
    b.write_bytes(b"x")
    out = tmp_path / "o"
    assert cli.main(["transcribe", str(a), str(b), "--out", str(out)]) == 0
    assert len(made) == 1 and made[0].runs == 2  # one pipeline for the batch
    back = meeting_from_dict(json.loads((out / "a.json").read_text("utf-8")))
    assert back == meeting("a")
    assert (out / "a.vtt").read_text("utf-8").startswith("WEBVTT")
    assert "<v Dana>" in (out / "a.vtt").read_text("utf-8")


def test_deal_without_readable_reports(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    assert cli.main(["deal", str(bad), str(tmp_path / "none.json"), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "not a meetinglens report" in err and "no readable reports" in err


def test_deal_merges_reports(tmp_path, capsys, json_loader):
    pytest.importorskip("meetinglens.deal")
    out = tmp_path / "out"
    one, two = write_meeting(tmp_path, "acme-1.json"), write_meeting(tmp_path, "acme-2.json")
    assert cli.main(["analyze", str(one), str(two), "--out", str(out), "--format", "json", "-q"]) == 0
    code = cli.main(["deal", str(out / "acme-1.json"), str(out / "acme-2.json"),
                     "--out", str(tmp_path / "deal")])
    assert code == 0
    assert any((tmp_path / "deal").iterdir())
    assert "2 reports merged, 0 failed" in capsys.readouterr().out


# ------------------------------------------------------------------ real command, light imports

def _imports_after(code: str) -> list[str]:
    script = f"import sys\n{code}\nprint('HEAVY=' + ','.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith("HEAVY="), done.stdout
    return [m for m in last.removeprefix("HEAVY=").split(",") if m]


def test_help_imports_no_torch():
    heavy = _imports_after(
        "from meetinglens.cli import main\ntry:\n    main(['analyze', '--help'])\n"
        "except SystemExit:\n    pass")
    assert heavy == []


def test_analyzing_a_transcript_imports_no_torch(tmp_path):
    pytest.importorskip("meetinglens.sides")
    vtt = tmp_path / "call.vtt"
    vtt.write_text(VTT, encoding="utf-8")
    heavy = _imports_after(
        f"from meetinglens.cli import main\n"
        f"code = main(['analyze', {str(vtt)!r}, '--seller', 'Dana Reyes', '--out', "
        f"{str(tmp_path / 'out')!r}, '-q'])\nassert code == 0, code")
    assert heavy == []
    assert (tmp_path / "out" / "call.html").exists()


def test_real_command_on_the_sample(tmp_path):
    pytest.importorskip("meetinglens.sides")
    vtt = SAMPLES / "discovery-call.vtt"
    if not vtt.exists():
        pytest.skip("samples/discovery-call.vtt not written yet")
    done = run_cli("analyze", str(vtt), "--participants",
                   str(SAMPLES / "discovery-call.participants.yaml"), "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "1 analyzed, 0 failed"
    names = {p.suffix for p in tmp_path.iterdir()}
    assert {".json", ".html", ".md", ".csv"} <= names


def test_real_command_reports_bad_file_and_exit_code(tmp_path):
    empty = tmp_path / "empty call.vtt"
    empty.write_text("")
    done = run_cli("analyze", str(empty), "--out", str(tmp_path / "o"))
    assert done.returncode == 1
    assert done.stderr.startswith(f"Error: {empty}")
    assert "Traceback" not in done.stderr
    assert done.stdout.strip().endswith("0 analyzed, 1 failed")


# ------------------------------------------------------------------ README set-up commands

def _setup_commands() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("## Set-up in two commands", 1)[1].split("\n## ", 1)[0]
    return [block.split("```", 1)[0].strip() for block in section.split("```bash")[1:]]


def test_readme_has_two_one_line_setup_commands_in_the_right_install_order():
    commands = _setup_commands()
    assert len(commands) == 2 and all("\n" not in c for c in commands)
    for command in commands:
        assert command.index("pip install torch==2.13.0 &&") < command.index("pip install -e '.[all]'")
    analyze, tests = commands
    args = analyze.split("meetinglens analyze ", 1)[1].split()
    for arg in args:
        if arg.startswith("samples/"):
            assert (ROOT / arg).exists(), f"README names {arg}, which is not in the repository"
    assert tests.endswith("python -m pytest -q")


def test_ci_runs_the_readme_test_command():
    ci = ROOT / ".ci" / "run"
    assert os.access(ci, os.X_OK)
    script = ci.read_text("utf-8")
    assert "set -euo pipefail" in script and "README.md" in script
    extracted = subprocess.run(
        ["bash", "-c", script.split('test_command="$(', 1)[1].split(')"\n', 1)[0]],
        capture_output=True, text=True, cwd=ROOT)
    assert extracted.stdout.strip() == _setup_commands()[1]
