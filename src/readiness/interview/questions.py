"""The interview's questions: the plan and its budget first, then the five levers.

Each question names the key it writes (``plan.start``; also its key in an answers file), asks
in plain English, says why (the rubric's quote from the article is added for each criterion
it feeds) and what kind of answer it takes. Wording of hints and the notes written beside each
key come from the starter plan (``templates/starter-plan.yaml``), so ``readiness init`` and
the interview explain a key the same way. No note may contain a to-do word: a value on a line
with such a note counts as an example, never as evidence.

Over 200 lines: the question set is data, one entry per key, kept in the order it is asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from readiness.outcomes import KeyPath

Kind = Literal[
    "text",  # any text
    "count",  # a whole number
    "number",  # a number, whole or not
    "percent",  # 85 or 85%
    "date",  # 2027-02-01 or 2027-02
    "yesno",  # yes or no
    "choice",  # one word from a menu
    "choices",  # words from a menu, several allowed
    "list",  # several short answers on one line, separated by commas (timepoints)
    "texts",  # several answers, one a line
    "records",  # a list of items, each with its own questions (budget lines, waves)
    "paid",  # which budget lines pay for a kind of support, or that it already runs
]


@dataclass(frozen=True)
class Question:
    key: str
    """The key the answer is written to, dotted (``plan.start``); inside a record, the item's
    key (``selection.voluntary``)."""
    ask: str
    kind: Kind = "text"
    why: str = ""
    criteria: tuple[str, ...] = ()
    required: bool = False
    note: str = ""
    """The comment written beside the key (the starter plan's words)."""
    example: str = ""
    fields: tuple[Question, ...] = ()
    """A record's own questions."""
    item: str = ""
    """What one record is called: "budget line"."""
    flow: bool = True
    """Records written one a line, ``{item: ..., amount: ...}``; else as indented blocks."""
    first_only: bool = False
    """Inside a record: asked for the first item only (how the first wave is chosen)."""
    meanings: dict[str, str] = field(default_factory=dict)
    """What a menu's words mean, where the word alone is not plain enough."""
    when: Callable[[dict[str, object]], bool] | None = None
    """Asked only when this holds for the plan so far."""

    @property
    def path(self) -> KeyPath:
        return tuple(self.key.split("."))


class Part:
    """A group of questions with a heading: the plan and budget, a lever, after the money."""

    def __init__(self, title: str, lever: str | None, intro: str, *questions: Question) -> None:
        self.title = title
        self.lever = lever
        """The rubric's lever, whose quote from the article heads the part."""
        self.intro = intro
        self.questions = questions


def _section(*path: str) -> Callable[[dict[str, object]], bool]:
    """Asked only when the plan describes the section (beyond how it is paid for)."""

    def described(data: dict[str, object]) -> bool:
        found: object = data
        for part in path:
            found = found.get(part) if isinstance(found, dict) else None
        return isinstance(found, dict) and any(
            k not in ("funded_by", "existing", "notes") for k in found
        )

    return described


FREQUENCY_MEANINGS = {
    "six-weekly": "every six weeks",
    "bi-monthly": "every two months",
    "termly": "three times a year",
    "six-monthly": "twice a year",
    "once": "a one-off",
    "none": "never",
}
ROLE_MEANINGS = {
    "line-manager": "a first-line manager of practitioners",
    "lived-experience": "a child, young person, parent or carer, or an adult with experience "
    "of the services",
}
_DATE = "2027-04-01, or 2027-04 for a month"


def _paid(key: str, what: str, criteria: tuple[str, ...] = ("FD-01",)) -> Question:
    section = key.removesuffix(".funded_by").split(".")
    return Question(
        key,
        f"Which budget lines pay for {what}?",
        "paid",
        why="Support counts only when the plan pays for it: name the budget lines that "
        "buy it, or say it already runs as business as usual.",
        criteria=criteria,
        when=_section(*section),
    )


PLAN = Part(
    "The plan and its budget",
    "foundations",
    "First what is commissioned, for whom and when, then what the money buys: the questions "
    "about support later ask which budget line pays for it.",
    Question(
        "plan.title",
        "What is being commissioned? Give the plan a title.",
        required=True,
        example="Trauma-informed practice in Early Help",
        why="Every report is headed with it.",
    ),
    Question(
        "plan.commissioner",
        "Who is commissioning it?",
        required=True,
        example="Northshire County Council",
        why="The commissioning body is named on the board report.",
    ),
    Question(
        "plan.start",
        "When does the commissioned period start?",
        "date",
        required=True,
        example=_DATE,
        criteria=("RP-07", "FD-03"),
        note="when the commissioned period starts",
    ),
    Question(
        "plan.end",
        "When does it end?",
        "date",
        required=True,
        example=_DATE,
        why="Implementation takes two to four years: aim for 24 months or more.",
        criteria=("RP-07", "FD-03"),
        note="implementation takes two to four years",
    ),
    Question(
        "workforce.practitioners",
        "How many frontline practitioners are in scope?",
        "count",
        required=True,
        example="120",
        criteria=("RP-01",),
        note="frontline practitioners in scope",
    ),
    Question(
        "workforce.teams",
        "How many teams do they work in?",
        "count",
        example="8",
        why="The first wave needs at least one champion per team.",
        criteria=("RP-05",),
        note="the teams they work in",
    ),
    Question(
        "workforce.line_managers",
        "How many line managers (team managers or supervisors) do they have?",
        "count",
        example="16",
        why="Line managers' own training and coaching is priced from their number.",
        criteria=("FD-01",),
        note="first-line supervisors of those practitioners",
    ),
    Question(
        "workforce.service_managers",
        "How many service managers are above them?",
        "count",
        example="4",
        why="Service managers are partners in the plan, not an audience for it.",
        note="the service managers above them",
    ),
    Question(
        "budget.lines",
        "What does the budget pay for? Give one line per thing bought.",
        "records",
        item="budget line",
        why="At least half on implementation support, not training. Every category except "
        "training and other counts as implementation support.",
        criteria=("FD-02", "FD-01"),
        note="one line per thing bought",
        fields=(
            Question(
                "item",
                "What does it buy?",
                required=True,
                example="In-practice coaching",
            ),
            Question("category", "What kind of spending is it?", "choice", required=True),
            Question("amount", "How much is it?", "number", required=True, example="40000"),
        ),
    ),
)

RIGHT_PEOPLE = Part(
    "Lever 1: start with the right people",
    "right-people",
    "Start with a small first wave of practitioners who already work this way, not everyone "
    "at once.",
    Question(
        "rollout.cohorts",
        "Which waves of practitioners take part, first wave first?",
        "records",
        item="wave",
        flow=False,
        why="The first is a small group, a quarter of the workforce or less; the next starts "
        "at least three months later.",
        criteria=("RP-01", "RP-02", "RP-03", "RP-04", "RP-05", "RP-06"),
        note="waves, first wave first",
        fields=(
            Question("name", "What is the wave called?", required=True, example="Wave 1"),
            Question(
                "size", "How many practitioners are in it?", "count", required=True, example="24"
            ),
            Question("start", "When does it start?", "date", required=True, example=_DATE),
            Question(
                "managers_trained_by",
                "When do the line managers of this wave finish their own training?",
                "date",
                example=_DATE,
                why="Before the wave starts.",
            ),
            Question(
                "selection.voluntary",
                "Do practitioners choose to join it?",
                "yesno",
                first_only=True,
            ),
            Question(
                "selection.nominated_by",
                "Who nominates practitioners for it?",
                "choices",
                first_only=True,
            ),
            Question(
                "selection.criteria",
                "What practice already seen are they chosen for?",
                "choices",
                first_only=True,
                meanings={
                    "direct-work": "working directly with children and families",
                    "curious-about-behaviour": "curious about behaviour rather than focused "
                    "on stopping it",
                    "non-punitive": "not wedded to punitive or consequence-led approaches",
                    "relational-language": "using relational, empathic, non-judgemental language",
                    "applies-theory": "actively seeking to put theory into day-to-day practice",
                },
            ),
            Question(
                "champions",
                "How many of the wave become champions?",
                "count",
                first_only=True,
                example="3",
            ),
            Question(
                "exit_criteria",
                "What must be true before the next wave starts?",
                "texts",
                example="Everyone in the wave has had six months of monthly coaching",
            ),
        ),
    ),
    Question(
        "rollout.champions.protected_hours_per_month",
        "How many hours a month does each champion get for the role?",
        "number",
        example="4",
        criteria=("RP-05",),
        note="time each champion gets for the role, a month",
    ),
)

SERVICE_MANAGERS = Part(
    "Lever 2: commission with service managers",
    "service-managers",
    "Commission with service managers, not around them.",
    Question(
        "managers.involvement",
        "How do service managers take part?",
        "choices",
        criteria=("SM-01", "SM-02", "SM-03"),
        note="how service managers take part",
    ),
    Question(
        "managers.sessions",
        "Which meetings co-designed the plan?",
        "records",
        item="meeting",
        why="Record each meeting, with who attended by role, not by name.",
        criteria=("SM-01",),
        note="the meetings where the plan was co-designed",
        fields=(
            Question("date", "When was it held?", "date", required=True, example=_DATE),
            Question(
                "attendees",
                "Who took part, by role?",
                "choices",
                required=True,
                meanings=ROLE_MEANINGS,
            ),
            Question(
                "about",
                "What was decided or designed?",
                example="Chose the first wave and the protected time",
            ),
        ),
    ),
    Question(
        "managers.practice_mapping",
        "How did managers find the practitioners already working this way?",
        criteria=("SM-02",),
        example="From manager nominations, supervision notes and family feedback",
    ),
    Question(
        "workforce.pressures.caseload_average",
        "What is the average caseload per practitioner?",
        "number",
        example="17",
        why="Figures managers can give: they shape what is realistic.",
        criteria=("SM-03",),
        note="average caseload per practitioner",
    ),
    Question(
        "workforce.pressures.vacancy_rate",
        "What percentage of posts is vacant?",
        "percent",
        example="8",
        criteria=("SM-03",),
        note="percent of posts vacant",
    ),
    Question(
        "workforce.pressures.turnover_rate",
        "What percentage of staff leave in a year?",
        "percent",
        example="12",
        criteria=("SM-03",),
        note="percent of staff leaving in a year",
    ),
    Question(
        "workforce.pressures.sickness_rate",
        "What percentage of working time is lost to sickness?",
        "percent",
        example="4",
        criteria=("SM-03",),
        note="percent of working time lost to sickness",
    ),
    Question(
        "managers.leads",
        "Who are the named service-manager leads?",
        "records",
        item="lead",
        criteria=("SM-05",),
        note="named service-manager leads, each with their role",
        fields=(
            Question(
                "name",
                "What is their name or post?",
                required=True,
                example="Service manager for Early Help",
            ),
            Question("role", "What is their role?", "choice", meanings=ROLE_MEANINGS),
        ),
    ),
    Question(
        "managers.governance.group",
        "What is the implementation group called?",
        example="the Trauma-informed practice implementation group",
        criteria=("SM-05",),
    ),
    Question(
        "managers.governance.frequency",
        "How often does the implementation group meet?",
        "choice",
        why="At least quarterly.",
        criteria=("SM-05",),
        meanings=FREQUENCY_MEANINGS,
        note="how often it meets: at least quarterly",
    ),
    Question(
        "managers.governance.members",
        "Who sits on the implementation group?",
        "records",
        item="member",
        why="Include a service manager, named with their role.",
        criteria=("SM-05",),
        note="who sits on it, each with their role",
        fields=(
            Question(
                "name", "What is their name or post?", required=True, example="Head of Early Help"
            ),
            Question("role", "What is their role?", "choice", meanings=ROLE_MEANINGS),
        ),
    ),
    Question(
        "managers.protected_time.hours_per_month",
        "How many protected hours a month does each practitioner get to learn and practise?",
        "number",
        example="2",
        criteria=("SM-04",),
        note="protected hours a month for each practitioner",
    ),
    _paid("managers.protected_time.funded_by", "cover for that protected time", ("SM-04", "FD-01")),
    Question(
        "managers.agreement.signed",
        "When was the agreement of shared ownership signed?",
        "date",
        example=_DATE,
        why="Shared ownership in writing, signed before the start.",
        criteria=("SM-06",),
        note="when the agreement was signed",
    ),
    Question(
        "managers.agreement.signatories",
        "Who signed it?",
        "records",
        item="signatory",
        why="Include a service manager.",
        criteria=("SM-06",),
        note="who signed, with their role: include a service manager",
        fields=(
            Question(
                "name",
                "What is their name or post?",
                required=True,
                example="Director of Children's Services",
            ),
            Question(
                "role", "What is their role?", "choice", required=True, meanings=ROLE_MEANINGS
            ),
        ),
    ),
)

STANDARDS = Part(
    "Lever 3: embed professional standards",
    "standards",
    "Embed professional standards, not just principles.",
    Question(
        "training.methods",
        "How is the training taught?",
        "choices",
        why="Practice skills, not only lectures.",
        criteria=("PS-10",),
        note="how it is taught",
    ),
    Question(
        "training.days",
        "How many contact days of training does each practitioner get?",
        "number",
        example="3",
        note="contact days per practitioner",
    ),
    Question(
        "standards.supervision.frequency",
        "How often do practitioners have supervision?",
        "choice",
        why="At least monthly.",
        criteria=("PS-02",),
        meanings=FREQUENCY_MEANINGS,
        note="at least monthly",
    ),
    Question(
        "standards.supervision.minutes",
        "How many minutes is each supervision session?",
        "count",
        example="90",
        why="At least 90 minutes (the LGA standard).",
        criteria=("PS-02",),
        note="at least 90 minutes (the LGA standard)",
    ),
    Question(
        "standards.supervision.types",
        "What kinds of supervision do they get?",
        "choices",
        criteria=("PS-03",),
    ),
    Question(
        "standards.supervision.quality_monitored",
        "Does someone check that supervision is good, not only that it happens?",
        "yesno",
        criteria=("PS-09",),
    ),
    _paid("standards.supervision.funded_by", "practitioners' supervision"),
    Question(
        "standards.coaching.frequency",
        "How often do practitioners have coaching in practice after the training?",
        "choice",
        criteria=("PS-04",),
        meanings=FREQUENCY_MEANINGS,
        note="how often coaching sessions happen",
    ),
    Question(
        "standards.coaching.months",
        "For how many months does coaching run?",
        "count",
        example="12",
        why="At least six.",
        criteria=("PS-04", "FD-04"),
        note="for how many months: at least six",
    ),
    _paid("standards.coaching.funded_by", "practitioners' coaching"),
    Question(
        "standards.cpd.frequency",
        "How often is there ongoing learning (continuing professional development)?",
        "choice",
        why="Ongoing learning, not one-off events.",
        criteria=("PS-05",),
        meanings=FREQUENCY_MEANINGS,
        note="how often it happens",
    ),
    _paid("standards.cpd.funded_by", "ongoing learning", ("FD-04",)),
    Question(
        "standards.outcome_measures",
        "Which outcome measures are taken, and when?",
        "records",
        item="measure",
        why="Before and after, with recognised instruments.",
        criteria=("PS-06", "PS-07", "PS-08"),
        note="before and after, with recognised instruments",
        fields=(
            Question("name", "What is the measure called?", required=True, example="SDQ"),
            Question("about", "Whom is it about?", "choice"),
            Question(
                "kind",
                "What kind of measure is it?",
                "choice",
                meanings={
                    "outcome": "an outcome measure",
                    "practice": "a measure of practice",
                    "satisfaction": "a satisfaction or confidence survey (not an outcome measure)",
                },
            ),
            Question(
                "timepoints",
                "When is it taken? Start with baseline, then times after the start.",
                "list",
                example="baseline, 6 months, 12 months",
            ),
        ),
    ),
)

LINE_MANAGERS = Part(
    "Lever 4: build line managers' capability",
    "line-managers",
    "The overlooked lever: the line managers who supervise practitioners day to day.",
    Question(
        "line_managers.trained",
        "What percentage of line managers are trained in the approach?",
        "percent",
        example="100",
        criteria=("LM-01",),
        note="percent of line managers trained in the approach",
    ),
    Question(
        "line_managers.trained_by",
        "By when are they trained?",
        "date",
        example=_DATE,
        why="Before the first wave starts.",
        criteria=("LM-01", "FD-03"),
        note="before the first wave starts",
    ),
    Question(
        "line_managers.training.hours",
        "How many hours of training does each line manager get?",
        "number",
        example="12",
        why="A share trained counts only if the training is substantial.",
        criteria=("LM-01",),
        note="hours of training for each line manager",
    ),
    Question(
        "line_managers.coaching.frequency",
        "How often do line managers get coaching themselves?",
        "choice",
        criteria=("LM-02",),
        meanings=FREQUENCY_MEANINGS,
        note="how often",
    ),
    Question(
        "line_managers.coaching.months",
        "For how many months does their coaching run?",
        "count",
        example="12",
        criteria=("LM-02",),
        note="for how many months",
    ),
    _paid("line_managers.coaching.funded_by", "line managers' coaching"),
    Question(
        "line_managers.supervision_style",
        "How do line managers supervise?",
        "choice",
        criteria=("LM-03",),
        note="how they supervise",
    ),
    Question(
        "line_managers.reflective_practice.frequency",
        "How often do teams meet for reflective practice sessions that line managers lead?",
        "choice",
        why="At least every eight weeks.",
        criteria=("LM-04",),
        meanings=FREQUENCY_MEANINGS,
        note="at least every eight weeks",
    ),
    Question(
        "line_managers.reflective_practice.minutes",
        "How many minutes is each reflective practice session?",
        "count",
        example="90",
        criteria=("LM-04",),
        note="minutes per session",
    ),
    _paid("line_managers.reflective_practice.funded_by", "team reflective practice"),
    Question(
        "line_managers.wellbeing.support",
        "What support do teams get against vicarious trauma?",
        "choices",
        criteria=("LM-05",),
        meanings={"eap": "an employee assistance programme"},
    ),
    Question(
        "line_managers.wellbeing.measure",
        "How is team wellbeing measured?",
        example="ProQOL",
        criteria=("LM-06",),
    ),
    Question(
        "line_managers.wellbeing.reporting",
        "How are wellbeing results reported?",
        "choice",
        why="Aggregate, never individual.",
        criteria=("LM-06",),
        meanings={"aggregate": "for teams as a whole", "individual": "person by person"},
        note="aggregate, never individual",
    ),
    _paid("line_managers.wellbeing.funded_by", "wellbeing support", ()),
)

FIDELITY = Part(
    "Lever 5: monitor fidelity lightly",
    "fidelity",
    "Light-touch fidelity checks, for learning not blame.",
    Question(
        "fidelity.purpose",
        "What are fidelity checks for?",
        "choice",
        criteria=("LF-01",),
    ),
    Question(
        "fidelity.methods",
        "How is fidelity to the approach checked?",
        "choices",
        criteria=("LF-04",),
        note="how fidelity is checked",
    ),
    Question(
        "fidelity.frequency",
        "How often is fidelity looked at?",
        "choice",
        why="Between monthly and six-monthly.",
        criteria=("LF-03",),
        meanings=FREQUENCY_MEANINGS,
        note="between monthly and six-monthly",
    ),
    Question(
        "fidelity.minutes_per_practitioner_per_month",
        "How many minutes a month does fidelity work take for each practitioner?",
        "number",
        example="30",
        why="Keep the burden low: an hour or less.",
        criteria=("LF-02",),
        note="keep the burden low: an hour or less",
    ),
    Question(
        "fidelity.feedback_within_days",
        "Within how many days do practitioners hear back after a check?",
        "count",
        example="14",
        why="Practitioners hear back within a month.",
        criteria=("LF-05",),
        note="practitioners hear back within a month",
    ),
    Question(
        "fidelity.used_for",
        "What are the findings used for?",
        "choices",
        criteria=("LF-01",),
    ),
    Question(
        "fidelity.escalation",
        "Where do challenges surface? Name the forum.",
        example="the implementation group",
        criteria=("LF-06",),
    ),
    _paid("fidelity.funded_by", "fidelity checks"),
)

AFTER = Part(
    "After the money",
    "foundations",
    "How support continues after the money ends.",
    Question(
        "sustainability.funded_until",
        "When does the money for support end?",
        "date",
        example=_DATE,
        criteria=("FD-05",),
        note="when the money for support ends",
    ),
    Question(
        "sustainability.after_funding",
        "How do coaching, supervision and fidelity checks continue after that?",
        example="Coaching moves into the workforce development budget",
        criteria=("FD-05",),
    ),
)

PARTS: tuple[Part, ...] = (
    PLAN,
    RIGHT_PEOPLE,
    SERVICE_MANAGERS,
    STANDARDS,
    LINE_MANAGERS,
    FIDELITY,
    AFTER,
)
QUESTIONS: tuple[Question, ...] = tuple(q for part in PARTS for q in part.questions)
BY_KEY: dict[str, Question] = {q.key: q for q in QUESTIONS}

SECTION_NOTES = {
    "training": "what is bought",
    "rollout": "lever 1: start with the right people, not everyone at once",
    "managers": "lever 2: commission with service managers, not around them",
    "standards": "lever 3: embed professional standards, not just principles",
    "line_managers": "lever 4: the overlooked lever",
    "fidelity": "lever 5: light-touch fidelity, for learning not blame",
    "sustainability": "how support continues after the money ends",
    "budget": "at least half on implementation support, not training",
}
"""The comment written beside a section the interview adds (the starter plan's words)."""
