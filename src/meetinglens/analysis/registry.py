"""The analyzers a report runs, in order: name -> module. Influence first (roles for the rest)."""

ANALYZERS: dict[str, str] = {
    "influence": "meetinglens.analysis.influence",
    "talk": "meetinglens.analysis.talk",
    "questions": "meetinglens.analysis.questions",
    "value": "meetinglens.analysis.value",
}
