"""The deal view: the meetings of one opportunity, merged in time order.

``meetinglens deal REPORT...`` answers the questions a sales leader asks of an opportunity
(Miller & Heiman's "map your buyer network"): who have we met, which of the four buying
influences have we covered and when, which red flags were raised and which were resolved in
a later meeting, and who in the buying organisation mentions, defers to or speaks for whom.

Built only from the ``influence`` results of saved reports (:func:`build_deal`), written as
JSON, Markdown and a self-contained HTML page with the buyer network as inline SVG
(:func:`write_deal`).
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

from meetinglens.errors import AnalysisError, InputError
from meetinglens.model import Report

ROLES4 = ("economic", "user", "technical", "coach")
RELATIONS = ("mentions", "defers_to", "speaks_for")
DETERMINERS = {"our", "my", "the", "their", "his", "her"}
FORMATS = ("json", "html", "md")


@dataclass(frozen=True)
class DealMeeting:
    id: str
    title: str
    date: str
    source: str
    buyers: tuple[str, ...]
    coverage: dict[str, str]          # role -> present | mentioned | not_seen (this meeting)
    flags: tuple[str, ...]


@dataclass(frozen=True)
class DealPerson:
    name: str
    org: str
    title: str
    role: str                         # the latest role judged from speech
    roles: tuple[tuple[str, str], ...]  # (meeting id, role) per meeting they spoke in
    met_in: tuple[str, ...]           # meetings they spoke in
    mentioned_in: tuple[str, ...]     # meetings where a buyer mentioned them

    @property
    def met(self) -> bool:
        return bool(self.met_in)


@dataclass(frozen=True)
class FlagSpan:
    flag: str
    raised_in: str
    resolved_in: str | None           # the first later meeting that no longer raised it
    summary: str
    quote: str

    @property
    def status(self) -> str:
        return "resolved" if self.resolved_in else "open"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    relation: str
    meetings: tuple[str, ...]
    quote: str


@dataclass(frozen=True)
class Deal:
    meetings: tuple[DealMeeting, ...]
    people: tuple[DealPerson, ...]
    coverage: tuple[dict, ...]        # per meeting: cumulative status of each role
    flags: tuple[FlagSpan, ...]
    edges: tuple[Edge, ...]

    @property
    def open_flags(self) -> tuple[FlagSpan, ...]:
        return tuple(f for f in self.flags if f.resolved_in is None)


def _order(reports: list[Report]) -> list[Report]:
    keyed = [(str(r.meeting.metadata.get("date") or ""), r.created or "", i, r)
             for i, r in enumerate(reports)]
    return [r for *_, r in sorted(keyed, key=lambda t: t[:3])]


def _key(name: str) -> str:
    words = [w for w in name.lower().replace("'s", "").split() if w not in DETERMINERS]
    return " ".join(words)


class _People:
    """People across meetings, merged by full name or by a matching first name."""

    def __init__(self) -> None:
        self.data: dict[str, dict] = {}

    def resolve(self, name: str) -> str:
        key = _key(name)
        if key in self.data:
            return key
        first = key.split()[0] if key else key
        for existing in self.data:
            if name[:1].isupper() and existing.split()[0] == first:
                return existing
        return key

    def get(self, name: str) -> dict:
        key = self.resolve(name)
        return self.data.setdefault(key, {"name": name, "org": "", "title": "", "roles": [],
                                          "met_in": [], "mentioned_in": []})


def build_deal(reports: list[Report]) -> Deal:
    """Merge the reports of one opportunity (any order; sorted by meeting date)."""
    if not reports:
        raise InputError(None, "no reports given", "pass the report JSON files of one deal")
    for r in reports:
        if "influence" not in r.results:
            raise AnalysisError(f"{r.meeting.source or r.meeting.id}: the report has no "
                                "influence results; re-run `meetinglens analyze` with the "
                                "influence analyzer")
    people = _People()
    meetings, coverage, history, edges = [], [], [], {}
    cumulative = {r: "not_seen" for r in ROLES4}
    open_flags: dict[str, dict] = {}
    for rep in _order(reports):
        m, res = rep.meeting, rep.results["influence"]
        roles = res.metrics.get("roles", {})
        for name, info in roles.items():
            p = people.get(name)
            sp = m.speaker(name) if name in {s.name for s in m.speakers} else None
            p.update(name=name, org=(sp.org if sp and sp.org else p["org"]),
                     title=(sp.title if sp and sp.title else p["title"]))
            p["roles"].append((m.id, info["role"]))
            p["met_in"].append(m.id)
        for row in res.tables.get("mentions", ()):
            p = people.get(row["who"])
            if not p["roles"] and not p.get("mention_role"):
                p["mention_role"] = row["role"]
            p["mentioned_in"].append(m.id)
        for row in res.tables.get("network", ()):
            if row["source"] not in roles:
                continue
            src, dst = people.resolve(row["source"]), people.resolve(row["target"])
            if src == dst:
                continue
            people.get(row["target"]).setdefault("mention_role", row.get("target_role"))
            key = (src, dst, row["relation"])
            e = edges.setdefault(key, {"meetings": [], "quote": row["quote"]})
            if m.id not in e["meetings"]:
                e["meetings"].append(m.id)
        cover = dict(res.metrics.get("coverage", {}))
        for role, status in cover.items():
            if status == "present" or (status == "mentioned" and cumulative[role] == "not_seen"):
                cumulative[role] = status
        coverage.append({"meeting": m.id, **cumulative})
        raised = {row["flag"]: row for row in res.tables.get("red_flags", ())}
        for flag, span in list(open_flags.items()):
            if flag not in raised:
                history.append(FlagSpan(flag, span["raised_in"], m.id, span["summary"],
                                        span["quote"]))
                del open_flags[flag]
        for flag, row in raised.items():
            open_flags.setdefault(flag, {"raised_in": m.id, "summary": row["summary"],
                                         "quote": row.get("quote", "")})
        meetings.append(DealMeeting(m.id, m.title, str(m.metadata.get("date") or ""),
                                    m.source, tuple(roles), cover, tuple(raised)))
    history += [FlagSpan(f, s["raised_in"], None, s["summary"], s["quote"])
                for f, s in open_flags.items()]
    return Deal(tuple(meetings), tuple(_person(p) for p in people.data.values()),
                tuple(coverage), tuple(history),
                tuple(Edge(people.data[s]["name"], people.data[t]["name"], rel,
                           tuple(e["meetings"]), e["quote"])
                      for (s, t, rel), e in edges.items()))


def _person(p: dict) -> DealPerson:
    judged = [r for _, r in p["roles"] if r != "unknown"]
    role = judged[-1] if judged else (p.get("mention_role") or "unknown")
    return DealPerson(p["name"], p["org"] or "", p["title"] or "", role,
                      tuple(p["roles"]), tuple(dict.fromkeys(p["met_in"])),
                      tuple(dict.fromkeys(p["mentioned_in"])))


# ---------------------------------------------------------------- writing

def deal_to_dict(deal: Deal) -> dict:
    d = asdict(deal)
    for f, span in zip(d["flags"], deal.flags):
        f["status"] = span.status
    for p, person in zip(d["people"], deal.people):
        p["met"] = person.met
    return d


def write_deal(deal: Deal, out_dir: str | Path, formats=("json", "html", "md")) -> list[Path]:
    """Write the deal view; returns the files written (``deal.json``, ``deal.html``, ``deal.md``)."""
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise InputError(None, f"unknown deal format(s) {sorted(unknown)}",
                         f"choose from {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = out / f"deal.{fmt}"
        if fmt == "json":
            path.write_text(json.dumps(deal_to_dict(deal), indent=2, ensure_ascii=False) + "\n",
                            encoding="utf-8")
        elif fmt == "md":
            path.write_text(deal_markdown(deal), encoding="utf-8")
        else:
            path.write_text(deal_html(deal), encoding="utf-8")
        written.append(path)
    return written


def circle_layout(n: int, cx: float, cy: float, radius: float) -> list[tuple[float, float]]:
    """Evenly spaced points on a circle, the first at the top."""
    return [(cx + radius * math.sin(2 * math.pi * i / n), cy - radius * math.cos(2 * math.pi * i / n))
            for i in range(n)]


ROLE_WORDS = {"economic": "economic buyer", "user": "user buyer", "technical": "technical buyer",
              "coach": "coach", "unknown": "role unknown"}
STATUS_MARK = {"present": "met", "mentioned": "mentioned", "not_seen": "—"}
RELATION_WORDS = {"mentions": "mentions", "defers_to": "defers to", "speaks_for": "speaks for"}
FLAG_WORDS = {
    "economic_absent": "economic buyer absent and not engaged", "budget_unknown": "budget unknown",
    "decision_process_unknown": "decision process unknown", "new_influencer": "new influencer",
    "reorganization": "reorganization", "competitor_preferred": "competitor preferred",
    "status_quo": "status quo", "no_next_step": "no agreed next step"}


def _md(text: object) -> str:
    from meetinglens.report.markdown import md_esc

    return md_esc(text)


def deal_markdown(deal: Deal) -> str:
    """A CRM-note summary of the deal."""
    lines = [f"# Deal view ({len(deal.meetings)} meetings)", "", "## Meetings"]
    for m in deal.meetings:
        flags = ", ".join(FLAG_WORDS.get(f, f) for f in m.flags) or "no red flags"
        when = f"{_md(m.date)} " if m.date else ""
        lines.append(f"- {when}{_md(m.title or m.id)}: buyers "
                     f"{_md(', '.join(m.buyers) or 'none')}; {flags}")
    lines += ["", "## Buying influences"]
    for p in deal.people:
        state = "met" if p.met else "not met yet"
        lines.append(f"- {_md(p.name)}: {ROLE_WORDS.get(p.role, p.role)}, {state}"
                     + (f" ({_md(p.title)})" if p.title else ""))
    lines += ["", "## Coverage over time", "",
              "After each meeting, so far: met = someone in that role spoke; mentioned = named "
              "by a buyer but not met; — = not seen yet.", "",
              "| Meeting | " + " | ".join(r for r in ROLES4) + " |",
              "|---|" + "---|" * len(ROLES4)]
    for row in deal.coverage:
        lines.append(f"| {_md(row['meeting'])} | "
                     + " | ".join(STATUS_MARK[row[r]] for r in ROLES4) + " |")
    lines += ["", "## Red flags"]
    if not deal.flags:
        lines.append("- none raised")
    for f in deal.flags:
        end = f"resolved in {f.resolved_in}" if f.resolved_in else "still open"
        lines.append(f"- {FLAG_WORDS.get(f.flag, f.flag)}: raised in {_md(f.raised_in)}, {end}")
    lines += ["", "## Buyer network"]
    for e in deal.edges:
        lines.append(f"- {_md(e.source)} {RELATION_WORDS[e.relation]} {_md(e.target)}: "
                     f"\u201c{_md(e.quote[:160])}\u201d")
    return "\n".join(lines) + "\n"


NODE_RADIUS = 26
SVG_SIZE = 560
ROLE_COLOURS = {"economic": "#b5452f", "user": "#2f6fb5", "technical": "#5a8f3a",
                "coach": "#a3772a", "unknown": "#888888"}
EDGE_STYLE = {"mentions": 'stroke="#999" stroke-dasharray="4 3"',
              "defers_to": 'stroke="#b5452f" stroke-width="2"',
              "speaks_for": 'stroke="#2f6fb5" stroke-width="2" stroke-dasharray="8 4"'}


def network_svg(deal: Deal) -> str:
    """The buyer network as inline SVG: people on a circle, arrows for relations."""
    from meetinglens.report.html_kit import esc

    people = list(deal.people)
    if not people:
        return '<p class="none">No buyer-side people found.</p>'
    centre = SVG_SIZE / 2
    spots = circle_layout(len(people), centre, centre, centre - 90) if len(people) > 1 \
        else [(centre, centre)]
    where = {p.name: xy for p, xy in zip(people, spots)}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SVG_SIZE} {SVG_SIZE}" '
             f'width="{SVG_SIZE}" height="{SVG_SIZE}" role="img">',
             "<title>Buyer network: who mentions, defers to or speaks for whom</title>",
             "<defs>" + "".join(
                 f'<marker id="arrow-{rel}" viewBox="0 0 10 10" refX="10" refY="5" '
                 f'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
                 f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
                 for rel, colour in (("mentions", "#999"), ("defers_to", "#b5452f"),
                                     ("speaks_for", "#2f6fb5"))) + "</defs>"]
    for e in deal.edges:
        if e.source not in where or e.target not in where:
            continue
        (x1, y1), (x2, y2) = where[e.source], where[e.target]
        dist = math.hypot(x2 - x1, y2 - y1) or 1.0
        ux, uy = (x2 - x1) / dist, (y2 - y1) / dist
        parts.append(
            f'<line x1="{x1 + ux * NODE_RADIUS:.1f}" y1="{y1 + uy * NODE_RADIUS:.1f}" '
            f'x2="{x2 - ux * NODE_RADIUS:.1f}" y2="{y2 - uy * NODE_RADIUS:.1f}" '
            f'{EDGE_STYLE[e.relation]} marker-end="url(#arrow-{e.relation})">'
            f"<title>{esc(e.source)} {RELATION_WORDS[e.relation]} {esc(e.target)}: "
            f"{esc(e.quote[:200])}</title></line>")
    for p in people:
        x, y = where[p.name]
        colour = ROLE_COLOURS.get(p.role, "#888")
        dash = "" if p.met else ' stroke-dasharray="5 3" fill-opacity="0.25"'
        parts.append(
            f'<g><circle cx="{x:.1f}" cy="{y:.1f}" r="{NODE_RADIUS}" fill="{colour}" '
            f'stroke="{colour}" stroke-width="2"{dash}>'
            f"<title>{esc(p.name)}: {esc(ROLE_WORDS.get(p.role, p.role))}"
            f"{'' if p.met else ' (not met yet)'}</title></circle>"
            f'<text x="{x:.1f}" y="{y + NODE_RADIUS + 15:.1f}" text-anchor="middle" '
            f'font-size="13">{esc(p.name)}</text>'
            f'<text x="{x:.1f}" y="{y + NODE_RADIUS + 30:.1f}" text-anchor="middle" '
            f'font-size="11" fill="#555">{esc(ROLE_WORDS.get(p.role, p.role))}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


_CSS = ("body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;color:#222}"
        "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;"
        "padding:.3em .6em;text-align:left}.open{color:#b5452f;font-weight:600}"
        ".resolved{color:#5a8f3a}.legend span{margin-right:1.2em}blockquote{margin:.2em 0 .6em;"
        "color:#444;border-left:3px solid #ccc;padding-left:.6em}")


def _labels(deal: Deal) -> dict[str, str]:
    """Meeting id -> "date · title" as a rep knows the meeting (the id only as a fallback)."""
    return {m.id: " · ".join(x for x in (m.date, m.title or m.id) if x) for m in deal.meetings}


def _account(deal: Deal) -> str:
    """The buyers' organisation, when the participants files name one."""
    orgs = [p.org for p in deal.people if p.org and p.met_in]
    return max(set(orgs), key=orgs.count) if orgs else ""


def deal_html(deal: Deal) -> str:
    """A self-contained page (no scripts, no external resources); all text escaped."""
    from meetinglens.report.html_kit import esc, table

    label = _labels(deal)
    meetings = table(("Date", "Meeting", "Buyers", "Red flags"),
                     [(m.date or "—", m.title or m.id, ", ".join(m.buyers) or "—",
                       ", ".join(FLAG_WORDS.get(f, f) for f in m.flags) or "none")
                      for m in deal.meetings])
    people = table(("Person", "Title", "Role", "Met in", "Mentioned in"),
                   [(p.name, p.title or "—", ROLE_WORDS.get(p.role, p.role),
                     "; ".join(label.get(i, i) for i in p.met_in) or "not met yet",
                     "; ".join(label.get(i, i) for i in p.mentioned_in) or "—")
                    for p in deal.people])
    coverage = table(("After meeting", *ROLES4),
                     [(label.get(row["meeting"], row["meeting"]),
                       *(STATUS_MARK[row[r]] for r in ROLES4)) for row in deal.coverage])
    ordered = sorted(deal.flags, key=lambda f: f.resolved_in is not None)  # open ones first
    flags = "".join(
        f'<li><span class="{f.status}">{esc(FLAG_WORDS.get(f.flag, f.flag))}</span> — '
        + (f"<b>still open</b> (raised in {esc(label.get(f.raised_in, f.raised_in))})"
           if not f.resolved_in else
           f"resolved in {esc(label.get(f.resolved_in, f.resolved_in))} (raised in "
           f"{esc(label.get(f.raised_in, f.raised_in))})")
        + f"<blockquote>{esc(f.quote[:300])}</blockquote></li>" for f in ordered)
    legend = ('<p class="legend"><span>● colour = role (red economic, blue user, green '
              'technical, ochre coach)</span><span>faded = not met yet</span>'
              '<span>red arrow = defers to</span><span>blue dashed = speaks for</span>'
              '<span>grey dotted = mentions</span></p>')
    cover_note = ('<p class="legend">met = someone in that role spoke in a meeting so far; '
                  'mentioned = named by a buyer but not met; — = not seen yet</p>')
    account = _account(deal)
    n = len(deal.meetings)
    heading = f"Deal view{': ' + esc(account) if account else ''} — {n} meeting{'s' * (n != 1)}"
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{heading}</title><style>{_CSS}</style></head><body>"
            f"<h1>{heading}</h1>"
            f"<h2>Buyer network</h2>{legend}{network_svg(deal)}"
            f"<h2>Red flags</h2><ul>{flags or '<li>none</li>'}</ul>"
            f"<h2>Coverage of the buying influences over time</h2>{cover_note}{coverage}"
            f"<h2>People</h2>{people}<h2>Meetings</h2>{meetings}</body></html>\n")
