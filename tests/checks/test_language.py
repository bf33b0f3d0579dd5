"""The language checks: RP-08 (punitive phrases in all free text), LF-07 (surveillance
phrases in fidelity's free text) and the matching rules they share."""

from __future__ import annotations

from typing import Any

import pytest

from readiness.outcomes import Outcome

from .helpers import cohort, expect, judge, make_plan

MET, PARTIAL, NOT_MET, NO_EVIDENCE = (
    Outcome.MET,
    Outcome.PARTIAL,
    Outcome.NOT_MET,
    Outcome.NO_EVIDENCE,
)
SUMMARY = ("narrative", "summary")


def rp08(rubric, text: str, **sections: Any):
    return judge(rubric, "RP-08", make_plan(narrative={"summary": text}, **sections))


def lf07(rubric, notes: str | None = None, escalation: str | None = None, **sections: Any):
    body = {k: v for k, v in (("notes", notes), ("escalation", escalation)) if v is not None}
    return judge(rubric, "LF-07", make_plan(fidelity=body, **sections))


def found(finding) -> list[tuple[str, str]]:
    return [(h.phrase, h.found) for h in finding.hits]


def reframes(rubric, group: str) -> dict[str, str]:
    return {p.phrase: p.reframe for p in rubric.context.phrases[group]}


# -- every phrase of each group is found ---------------------------------------------------
PUNITIVE = [
    ("Staff respond to challenging behaviour.", "challenging behaviour*", "challenging behaviour"),
    ("Challenging behaviours rise.", "challenging behaviour*", "Challenging behaviours"),
    ("Bad behaviour is recorded.", "bad behaviour", "Bad behaviour"),
    ("Lateness has consequences.", "consequences", "consequences"),
    ("Sanctions follow lateness.", "sanction*", "Sanctions"),
    ("A sanction applies.", "sanction*", "sanction"),
    ("Consequence-led approaches.", "consequence-led", "Consequence-led"),
    ("Pupils were punished.", "punish*", "punished"),
    ("The family is non-compliant.", "non-compliant", "non-compliant"),
    ("Non-compliance is escalated.", "non-compliance", "Non-compliance"),
    ("The young person was uncooperative.", "uncooperative", "uncooperative"),
    ("The school runs a zero tolerance approach.", "zero tolerance", "zero tolerance"),
    ("Her attention-seeking worries staff.", "attention-seeking", "attention-seeking"),
    ("He can be manipulative.", "manipulative", "manipulative"),
    ("Families who are hard to reach.", "hard to reach", "hard to reach"),
    ("Cases close after failure to engage.", "failure to engage", "failure to engage"),
    ("A naughty child.", "naughty", "naughty"),
    ("He is defiant in class.", "defiant", "defiant"),
    ("Children acting out in class.", "acting out", "acting out"),
    ("When pupils are kicking off.", "kicking off", "kicking off"),
    ("A known troublemaker.", "troublemaker*", "troublemaker"),
    ("Two troublemakers.", "troublemaker*", "troublemakers"),
    ("Time in the isolation room.", "isolation room*", "isolation room"),
    ("Two isolation rooms.", "isolation room*", "isolation rooms"),
    ("Restraint was used twice.", "restrain*", "Restraint"),
    ("Physical restraints are logged.", "restrain*", "restraints"),
    ("Staff may restrain a child.", "restrain*", "restrain"),
    ("Children who were restrained.", "restrain*", "restrained"),
    ("Staff restraining a child.", "restrain*", "restraining"),
    ("Time in seclusion.", "seclusion", "seclusion"),
    ("He was secluded for an hour.", "secluded", "secluded"),
    ("An aggressive young person.", "aggressive", "aggressive"),
    ("Aggression on the unit.", "aggression", "Aggression"),
    ("The family is resistant.", "resistant", "resistant"),
    ("The mother was evasive.", "evasive", "evasive"),
    ("We suspect disguised compliance.", "disguised compliance", "disguised compliance"),
]


@pytest.mark.parametrize(
    ("text", "phrase", "text_found"), [pytest.param(*case, id=case[1]) for case in PUNITIVE]
)
def test_rp08_finds_each_punitive_phrase(rubric, text, phrase, text_found):
    finding = rp08(rubric, text)
    expect(finding, PARTIAL, "1 phrase to reframe", f"'{text_found}'", paths=[SUMMARY])
    [hit] = finding.hits
    assert (hit.phrase, hit.found, hit.path) == (phrase, text_found, SUMMARY)
    assert hit.reframe == reframes(rubric, "punitive")[phrase]
    assert f"(try '{hit.reframe}')" in finding.reason


def test_punitive_table_covers_the_whole_rubric_list(rubric):
    assert {case[1] for case in PUNITIVE} == set(reframes(rubric, "punitive"))


SURVEILLANCE = [
    ("Managers run spot checks.", "spot checks", "spot checks"),
    ("A spot check each term.", "spot check", "spot check"),
    ("There will be unannounced visits.", "unannounced visits", "unannounced visits"),
    ("Quarterly compliance checks.", "compliance checks", "compliance checks"),
    ("A compliance check at six months.", "compliance check", "compliance check"),
    ("Teams appear in a league table.", "league table*", "league table"),
    ("Results feed performance management.", "performance manag*", "performance management"),
    ("Low scores lead to disciplinary action.", "disciplinary", "disciplinary"),
    ("Naming and shaming of teams.", "naming and shaming", "Naming and shaming"),
    ("This is policing of practice.", "policing", "policing"),
    (
        "Poor practice goes to capability procedures.",
        "capability procedure*",
        "capability procedures",
    ),
    ("A capability procedure may follow.", "capability procedure*", "capability procedure"),
    ("Results start the capability process.", "capability process*", "capability process"),
    ("Case files are graded each quarter.", "graded", "graded"),
    ("Grading of practice by the auditor.", "grading", "Grading"),
    ("Teams receive grades.", "grades", "grades"),
    ("Teams are ranked each quarter.", "ranked", "ranked"),
    ("A ranking of teams.", "ranking*", "ranking"),
    ("Practitioners are rated individually.", "rated individually", "rated individually"),
]


@pytest.mark.parametrize(
    ("text", "phrase", "text_found"), [pytest.param(*case, id=case[1]) for case in SURVEILLANCE]
)
def test_lf07_finds_each_surveillance_phrase(rubric, text, phrase, text_found):
    finding = lf07(rubric, notes=text)
    expect(
        finding, PARTIAL, "1 phrase to reframe", f"'{text_found}'", paths=[("fidelity", "notes")]
    )
    [hit] = finding.hits
    assert (hit.phrase, hit.found) == (phrase, text_found)
    assert hit.reframe == reframes(rubric, "surveillance")[phrase]


def test_surveillance_table_covers_the_whole_rubric_list(rubric):
    assert {case[1] for case in SURVEILLANCE} == set(reframes(rubric, "surveillance"))


# -- matching: case, hyphens and spaces, wildcards, word boundaries ------------------------
@pytest.mark.parametrize(
    ("text", "phrase", "text_found"),
    [
        pytest.param(
            "CHALLENGING BEHAVIOUR is logged.",
            "challenging behaviour*",
            "CHALLENGING BEHAVIOUR",
            id="upper",
        ),
        pytest.param(
            "A Zero Tolerance policy.", "zero tolerance", "Zero Tolerance", id="title-case"
        ),
        pytest.param("sAnCtIoNs apply.", "sanction*", "sAnCtIoNs", id="mixed"),
    ],
)
def test_matching_ignores_case(rubric, text, phrase, text_found):
    assert found(rp08(rubric, text)) == [(phrase, text_found)]


@pytest.mark.parametrize(
    ("text", "phrase", "text_found"),
    [
        pytest.param(
            "The parent is non compliant.", "non-compliant", "non compliant", id="space-for-hyphen"
        ),
        pytest.param(
            "This is attention seeking.",
            "attention-seeking",
            "attention seeking",
            id="attention-seeking",
        ),
        pytest.param(
            "A zero-tolerance policy.", "zero tolerance", "zero-tolerance", id="hyphen-for-space"
        ),
        pytest.param(
            "Hard-to-reach families.", "hard to reach", "Hard-to-reach", id="hyphens-for-spaces"
        ),
        pytest.param(
            "Pupils kicking-off at lunch.", "kicking off", "kicking-off", id="kicking-off"
        ),
        pytest.param(
            "Staff manage challenging  behaviour.",
            "challenging behaviour*",
            "challenging  behaviour",
            id="two-spaces",
        ),
    ],
)
def test_matching_treats_hyphen_and_space_alike(rubric, text, phrase, text_found):
    assert found(rp08(rubric, text)) == [(phrase, text_found)]


@pytest.mark.parametrize(
    ("text", "text_found"),
    [
        pytest.param("Staff punish lateness.", "punish", id="punish"),
        pytest.param("Punishment follows.", "Punishment", id="punishment"),
        pytest.param("A punishing regime.", "punishing", id="punishing"),
        pytest.param("They were punished.", "punished", id="punished"),
    ],
)
def test_wildcard_lets_the_word_continue(rubric, text, text_found):
    assert found(rp08(rubric, text)) == [("punish*", text_found)]


@pytest.mark.parametrize(
    ("text", "text_found"),
    [
        pytest.param("Teams appear in league tables.", "league tables", id="league-tables"),
        pytest.param("Team rankings each term.", "rankings", id="rankings"),
        pytest.param(
            "Two capability processes.", "capability processes", id="capability-processes"
        ),
        pytest.param(
            "Staff are performance-managed.", "performance-managed", id="performance-managed"
        ),
    ],
)
def test_wildcard_in_surveillance_phrases(rubric, text, text_found):
    assert [h.found for h in lf07(rubric, notes=text).hits] == [text_found]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The consequencesx field is blank.", id="letters-after"),
        pytest.param("Inconsequences are rare.", id="letters-before"),
        pytest.param("Nothing went unpunished.", id="wildcard-needs-word-start"),
        pytest.param("She answered defiantly.", id="no-wildcard-no-continuation"),
        pytest.param("Sanctions_list is a field name.", id="underscore-is-a-word-character"),
        pytest.param("A hard to reaching question.", id="last-word-must-end"),
    ],
)
def test_matching_respects_word_boundaries(rubric, text):
    finding = rp08(rubric, text)
    expect(finding, MET, "No punitive phrases")
    assert finding.hits == ()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Respond to (challenging behaviour) calmly.", id="brackets"),
        pytest.param("Less challenging behaviour, more connection.", id="comma-after"),
    ],
)
def test_punctuation_is_a_word_boundary(rubric, text):
    assert found(rp08(rubric, text)) == [("challenging behaviour*", "challenging behaviour")]


# -- quotation marks: a quoted phrase is talked about, not used -----------------------------
@pytest.mark.parametrize(
    "text",
    [
        pytest.param('The term "challenging behaviour" is retired.', id="double"),
        pytest.param("The term 'challenging behaviour' is retired.", id="single"),
        pytest.param("The term “challenging behaviour” is retired.", id="curly-double"),
        pytest.param("The term ‘challenging behaviour’ is retired.", id="curly-single"),
        pytest.param('Words like "sanctions" and "consequences" are retired.', id="two-quoted"),
    ],
)
def test_quoted_phrase_is_not_a_hit(rubric, text):
    finding = rp08(rubric, text)
    expect(finding, MET, "No punitive phrases in the plan's 1 piece of free text.")
    assert finding.hits == ()


def test_only_the_quoted_occurrence_is_excused(rubric):
    finding = rp08(rubric, 'The word "sanctions" is retired, but sanctions remain.')
    [hit] = finding.hits
    assert (hit.found, hit.occurrence) == ("sanctions", 1)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The children's challenging behaviour is logged.", id="apostrophe-before"),
        pytest.param(
            "The staff's view: challenging behaviour is the children's problem.",
            id="apostrophes-around",
        ),
    ],
)
def test_apostrophes_do_not_open_a_quotation(rubric, text):
    assert found(rp08(rubric, text)) == [("challenging behaviour*", "challenging behaviour")]


# -- negation: a phrase shortly after a negation is rejected, not used ---------------------
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("We do not use sanctions.", id="not"),
        pytest.param("There are no sanctions.", id="no"),
        pytest.param("We avoid sanctions.", id="avoid"),
        pytest.param("We never use sanctions.", id="never"),
        pytest.param("We work without sanctions.", id="without"),
        pytest.param("We offer repair instead of sanctions.", id="instead-of"),
        pytest.param("We offer repair rather than sanctions.", id="rather-than"),
        pytest.param("We don't use sanctions.", id="dont"),
        pytest.param("We will not use any sanctions.", id="not-with-filler"),
        pytest.param("NOT sanctions, but support.", id="upper-case-negation"),
    ],
)
def test_negated_phrase_is_not_a_hit(rubric, text):
    finding = rp08(rubric, text)
    expect(finding, MET, "No punitive phrases")
    assert finding.hits == ()


def test_negation_with_a_typographic_apostrophe(rubric):
    # Text pasted from a word processor writes the apostrophe of don't as U+2019: still a negation.
    finding = rp08(rubric, "We don’t use sanctions.")
    expect(finding, MET, "No punitive phrases")
    assert finding.hits == ()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("We will not use consequences or sanctions.", id="two-one-word-phrases"),
        pytest.param("There are no sanctions or punishments.", id="no-x-or-y"),
        pytest.param("We avoid consequences and sanctions.", id="avoid-x-and-y"),
    ],
)
def test_coordinated_list_after_a_negation_is_not_a_hit(rubric, text):
    finding = rp08(rubric, text)
    expect(finding, MET, "No punitive phrases")
    assert finding.hits == ()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("We will not use zero tolerance or sanctions.", id="after-a-two-word-phrase"),
        pytest.param(
            "We will never use sanctions, consequences or punishment.", id="three-item-list"
        ),
    ],
)
def test_longer_coordinated_list_after_a_negation_is_not_a_hit(rubric, text):
    # The brief: "a coordinated list after a negation ... is not a hit for either"; the list
    # items themselves must not use up the distance a negation reaches.
    finding = rp08(rubric, text)
    assert found(finding) == [], finding.reason
    expect(finding, MET, "No punitive phrases")


@pytest.mark.parametrize(
    ("text", "text_found"),
    [
        pytest.param(
            "Staff are not alone. Challenging behaviour is managed.",
            "Challenging behaviour",
            id="previous-sentence",
        ),
        pytest.param(
            "There is no waiting list; sanctions apply.",
            "sanctions",
            id="previous-clause-semicolon",
        ),
        pytest.param("We do not wait\nsanctions apply.", "sanctions", id="previous-line"),
        pytest.param(
            "No child is excluded, but repeated challenging behaviour leads to review.",
            "challenging behaviour",
            id="far-in-same-sentence",
        ),
        pytest.param(
            "Nobody is judged, yet the behaviour plan uses sanctions.",
            "sanctions",
            id="negation-like-word",
        ),
    ],
)
def test_distant_negation_does_not_protect(rubric, text, text_found):
    finding = rp08(rubric, text)
    expect(finding, PARTIAL, "1 phrase to reframe")
    assert [h.found for h in finding.hits] == [text_found]


# -- rubric 2: "reduce", "minimise" and "end" reject a phrase; restraint described is a hit --
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("We aim to reduce restraint.", id="reduce"),
        pytest.param("We will minimise the use of seclusion.", id="minimise-the-use-of"),
        pytest.param("We will minimize the use of restraint.", id="minimize"),
        pytest.param("End restraint in our homes.", id="end"),
        pytest.param("The plan will end restraint and seclusion.", id="end-a-list"),
        pytest.param("A reduction in restraint across the homes.", id="reduction-in"),
        pytest.param("We are phasing out seclusion.", id="phasing-out"),
        pytest.param("We will eliminate restraint.", id="eliminate"),
    ],
)
def test_reducing_or_ending_a_practice_is_not_a_hit(rubric, text):
    finding = rp08(rubric, text)
    expect(finding, MET, "No punitive phrases")
    assert finding.hits == ()


@pytest.mark.parametrize(
    ("text", "text_found"),
    [
        pytest.param("Children who were restrained.", "restrained", id="restrained"),
        pytest.param("Restraint is used when children are aggressive.", "Restraint", id="used"),
        pytest.param(
            "Reduce paperwork; restraint remains an option.", "restraint", id="other-clause"
        ),
    ],
)
def test_restraint_described_as_practice_is_a_hit(rubric, text, text_found):
    assert text_found in [h.found for h in rp08(rubric, text).hits]


@pytest.mark.parametrize(
    ("text", "text_found"),
    [
        pytest.param("Case files are graded each quarter.", "graded", id="graded"),
        pytest.param("Teams are ranked against each other.", "ranked", id="ranked"),
    ],
)
def test_graded_and_ranked_in_fidelity_notes_are_surveillance(rubric, text, text_found):
    finding = lf07(rubric, notes=text)
    expect(finding, PARTIAL, "1 phrase to reframe", f"'{text_found}'")
    assert [h.found for h in finding.hits] == [text_found]


def test_graded_and_ranked_together_are_not_met(rubric):
    finding = lf07(rubric, notes="Practice is graded and teams are ranked.")
    expect(finding, NOT_MET, "2 phrases to reframe", "'graded'", "'ranked'")


def test_graded_rejected_by_a_negation_is_not_a_hit(rubric):
    expect(lf07(rubric, notes="Practice is not graded or ranked."), MET, "No surveillance phrases")


# -- RP-08 grading: 0 met, 1-2 partial, 3+ not-met; no free text no-evidence ---------------
# fmt: off
RP08 = [
    pytest.param("We respond with curiosity and care.", MET, ("No punitive phrases in the plan's 1 piece of free text.",), id="0-met"),
    pytest.param("Sanctions apply.", PARTIAL, ("1 phrase to reframe: 'Sanctions' (try 'support and repair').",), id="1-partial"),
    pytest.param("Sanctions and consequences apply.", PARTIAL, ("2 phrases to reframe", "'Sanctions'", "'consequences'"), id="2-partial-boundary"),
    pytest.param("Sanctions, consequences and punishment apply.", NOT_MET, ("3 phrases to reframe", "'punishment'"), id="3-not-met"),
    pytest.param("Sanctions, consequences, punishment and zero tolerance.", NOT_MET, ("4 phrases to reframe", "; and 1 more."), id="4-not-met-shows-3"),
    pytest.param("Sanctions here, sanctions there, sanctions everywhere.", NOT_MET, ("3 phrases to reframe",), id="repeats-count"),
]
# fmt: on


@pytest.mark.parametrize(("text", "outcome", "says"), RP08)
def test_rp08_grading(rubric, text, outcome, says):
    expect(rp08(rubric, text), outcome, *says)


def test_rp08_counts_hits_across_all_free_text(rubric):
    finding = rp08(
        rubric,
        "Sanctions apply.",
        plan={"notes": "Zero tolerance."},
        fidelity={"escalation": "Manipulative parents go to panel."},
    )
    expect(finding, NOT_MET, "3 phrases to reframe")
    assert set(finding.paths) == {SUMMARY, ("plan", "notes"), ("fidelity", "escalation")}


def test_rp08_paths_are_not_repeated(rubric):
    finding = rp08(rubric, "Sanctions and consequences apply.")
    assert finding.paths == (SUMMARY,)
    assert len(finding.hits) == 2


def test_rp08_met_counts_pieces_of_free_text(rubric):
    finding = rp08(rubric, "Relational practice.", plan={"notes": "Agreed with partners."})
    expect(finding, MET, "the plan's 2 pieces of free text")


@pytest.mark.parametrize(
    "sections",
    [
        pytest.param({}, id="bare-plan"),
        pytest.param(
            {"rollout": {"cohorts": [cohort()]}, "fidelity": {"purpose": "learning"}},
            id="structured-only",
        ),
        pytest.param({"plan": {"title": "Zero tolerance programme"}}, id="title-is-not-free-text"),
    ],
)
def test_rp08_no_free_text_is_no_evidence(rubric, sections):
    finding = judge(rubric, "RP-08", make_plan(**sections))
    expect(finding, NO_EVIDENCE, "no free text to read", paths=[("narrative",)])


@pytest.mark.parametrize(
    ("sections", "path"),
    [
        pytest.param(
            {"narrative": {"why": "Sanctions apply."}}, ("narrative", "why"), id="narrative"
        ),
        pytest.param({"plan": {"notes": "Sanctions apply."}}, ("plan", "notes"), id="plan-notes"),
        pytest.param(
            {"workforce": {"notes": "Sanctions apply."}},
            ("workforce", "notes"),
            id="workforce-notes",
        ),
        pytest.param(
            {"rollout": {"notes": "Sanctions apply."}}, ("rollout", "notes"), id="rollout-notes"
        ),
        pytest.param(
            {"rollout": {"cohorts": [cohort(exit_criteria=["Coached twice", "Sanctions apply."])]}},
            ("rollout", "cohorts", 0, "exit_criteria", 1),
            id="exit-criteria",
        ),
        pytest.param(
            {"managers": {"practice_mapping": "Sanctions apply."}},
            ("managers", "practice_mapping"),
            id="practice-mapping",
        ),
        pytest.param(
            {"standards": {"supervision": {"notes": "Sanctions apply."}}},
            ("standards", "supervision", "notes"),
            id="nested-notes",
        ),
        pytest.param(
            {"training": {"materials": [{"name": "Deck", "notes": "Sanctions apply."}]}},
            ("training", "materials", 0, "notes"),
            id="list-item-notes",
        ),
        pytest.param(
            {"fidelity": {"escalation": "Sanctions apply."}},
            ("fidelity", "escalation"),
            id="fidelity-escalation",
        ),
        pytest.param(
            {
                "budget": {
                    "lines": [
                        {"item": "x", "category": "other", "amount": 1, "notes": "Sanctions apply."}
                    ]
                }
            },
            ("budget", "lines", 0, "notes"),
            id="budget-line-notes",
        ),
    ],
)
def test_rp08_reads_every_kind_of_free_text(rubric, sections, path):
    finding = judge(rubric, "RP-08", make_plan(**sections))
    expect(finding, PARTIAL, "'Sanctions'", paths=[path])
    assert finding.hits[0].path == path


def test_rp08_ignores_surveillance_phrases(rubric):
    expect(rp08(rubric, "Managers run spot checks and league tables."), MET, "No punitive phrases")


# -- LF-07: surveillance phrases in fidelity's free text only -------------------------------
# fmt: off
LF07 = [
    pytest.param({"notes": "Planned reflective case reviews."}, MET, ("No surveillance phrases in the fidelity section's 1 piece of free text.",), id="0-met"),
    pytest.param({"notes": "Managers run spot checks."}, PARTIAL, ("1 phrase to reframe: 'spot checks' (try 'planned reflective case reviews agreed with practitioners')",), id="1-partial-boundary"),
    pytest.param({"notes": "Spot checks feed a league table."}, NOT_MET, ("2 phrases to reframe", "'Spot checks'", "'league table'"), id="2-not-met"),
    pytest.param({"notes": "Spot checks each term.", "escalation": "Disciplinary panel."}, NOT_MET, ("2 phrases",), id="notes-and-escalation-not-met"),
    pytest.param({"notes": "We will not use spot checks."}, MET, ("No surveillance phrases",), id="negated-met"),
    pytest.param({"notes": "Sanctions apply to late returns."}, MET, ("No surveillance phrases",), id="punitive-phrase-not-counted"),
]
# fmt: on


@pytest.mark.parametrize(("fidelity", "outcome", "says"), LF07)
def test_lf07_grading(rubric, fidelity, outcome, says):
    expect(lf07(rubric, **fidelity), outcome, *says)


def test_lf07_reads_escalation(rubric):
    finding = lf07(rubric, escalation="Unannounced visits go to the board.")
    expect(finding, PARTIAL, "'Unannounced visits'", paths=[("fidelity", "escalation")])


def test_lf07_ignores_surveillance_language_outside_fidelity(rubric):
    finding = lf07(
        rubric,
        notes="Reflective case reviews.",
        narrative={"summary": "Spot checks and league tables."},
        rollout={"notes": "Policing of practice."},
    )
    expect(finding, MET, "No surveillance phrases in the fidelity section's 1 piece of free text.")


@pytest.mark.parametrize(
    "sections",
    [
        pytest.param(
            {"fidelity": {"purpose": "learning"}, "narrative": {"summary": "Spot checks."}},
            id="fidelity-without-text",
        ),
        pytest.param({"narrative": {"summary": "Spot checks."}}, id="no-fidelity"),
    ],
)
def test_lf07_no_fidelity_text_is_no_evidence(rubric, sections):
    finding = judge(rubric, "LF-07", make_plan(**sections))
    expect(
        finding,
        NO_EVIDENCE,
        "The fidelity section has no free text to read.",
        paths=[("fidelity",)],
    )


# -- hits carry what was found -------------------------------------------------------------
def test_hits_carry_phrase_text_found_reframe_path_and_occurrence(rubric):
    finding = rp08(rubric, "Sanctions first; then more sanctions. Non compliant families.")
    assert [(h.phrase, h.found, h.occurrence, h.path) for h in finding.hits] == [
        ("sanction*", "Sanctions", 0, SUMMARY),
        ("sanction*", "sanctions", 1, SUMMARY),
        ("non-compliant", "Non compliant", 0, SUMMARY),
    ]
    assert [h.reframe for h in finding.hits] == [
        "support and repair",
        "support and repair",
        "not yet engaged: what gets in the way?",
    ]


def test_met_finding_has_no_hits(rubric):
    assert rp08(rubric, "Curiosity and care.").hits == ()


# -- a negation must reach the phrase through connecting words only -------------------------
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Children who don't comply face consequences.", id="dont-comply-face"),
        pytest.param("Families who won't engage receive sanctions.", id="wont-engage-receive"),
        pytest.param("Young people who are not attending face sanctions.", id="not-attending-face"),
        pytest.param("There is no doubt that consequences work.", id="no-doubt-that"),
        pytest.param("We will not tolerate non-compliance.", id="not-tolerate"),
        pytest.param("Instead, we use sanctions.", id="instead-alone"),
        pytest.param("We rather like punishment.", id="rather-alone"),
    ],
)
def test_a_negation_that_does_not_govern_the_phrase_does_not_protect_it(rubric, text):
    assert len(rp08(rubric, text).hits) == 1


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("We avoid calling children manipulative.", id="avoid-calling-children"),
        pytest.param("We do not believe in zero tolerance.", id="not-believe-in"),
        pytest.param("This is not a zero tolerance approach.", id="not-a"),
        pytest.param("We will never rely on sanctions.", id="never-rely-on"),
        pytest.param("We are moving away from consequence-led approaches.", id="away-from"),
    ],
)
def test_a_negation_reaches_through_connecting_words(rubric, text):
    assert rp08(rubric, text).hits == ()
