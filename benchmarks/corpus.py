"""A synthetic corpus of diplomatic news articles for the benchmarks.

Articles are assembled from sentence templates written for this project, filled with invented
officials and real countries, capitals, organisations and dates (absolute, weekday and relative
ones, anchored on the article's publication date). The generator is deterministic for a seed,
so every run times the same texts. Nothing here is taken from the evaluation corpora.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

# (country, capital, demonym)
COUNTRIES: tuple[tuple[str, str, str], ...] = (
    ("France", "Paris", "French"),
    ("Germany", "Berlin", "German"),
    ("Japan", "Tokyo", "Japanese"),
    ("Brazil", "Brasília", "Brazilian"),
    ("India", "New Delhi", "Indian"),
    ("Kenya", "Nairobi", "Kenyan"),
    ("Canada", "Ottawa", "Canadian"),
    ("Mexico", "Mexico City", "Mexican"),
    ("Indonesia", "Jakarta", "Indonesian"),
    ("Egypt", "Cairo", "Egyptian"),
    ("Turkey", "Ankara", "Turkish"),
    ("Norway", "Oslo", "Norwegian"),
    ("Argentina", "Buenos Aires", "Argentine"),
    ("South Africa", "Pretoria", "South African"),
    ("Vietnam", "Hanoi", "Vietnamese"),
    ("Poland", "Warsaw", "Polish"),
    ("Australia", "Canberra", "Australian"),
    ("Nigeria", "Abuja", "Nigerian"),
    ("Chile", "Santiago", "Chilean"),
    ("Spain", "Madrid", "Spanish"),
    ("Italy", "Rome", "Italian"),
    ("Qatar", "Doha", "Qatari"),
    ("Thailand", "Bangkok", "Thai"),
    ("Morocco", "Rabat", "Moroccan"),
    ("Peru", "Lima", "Peruvian"),
    ("Sweden", "Stockholm", "Swedish"),
)
VENUES = ("Geneva", "Vienna", "Singapore", "Helsinki", "Istanbul", "Dubai", "Lisbon", "Nairobi", "Bali")
ORGS = (
    "the United Nations",
    "NATO",
    "the European Union",
    "the African Union",
    "ASEAN",
    "the World Trade Organization",
    "the International Atomic Energy Agency",
    "the Group of 20",
)
TITLES = (
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Trade Minister",
    "Finance Minister",
    "Deputy Foreign Minister",
    "Ambassador",
)
GIVEN = (
    "Amara", "Lukas", "Haruto", "Camila", "Ravi", "Wanjiru", "Elodie", "Mateo", "Siti", "Omar",
    "Ingrid", "Tomasz", "Leila", "Dmitri", "Nomvula", "Huong", "Pablo", "Freya", "Kwame", "Yusuf",
    "Greta", "Anders", "Aiko", "Rafael", "Priya", "Selin", "Jonas", "Malika", "Felipe", "Astrid",
)  # fmt: skip
FAMILY = (
    "Okonkwo", "Brandt", "Takeda", "Ferreira", "Menon", "Kamau", "Laurent", "Quiroga", "Rahayu",
    "Haddad", "Solberg", "Wiśniewski", "Farouk", "Petrov", "Dlamini", "Nguyen", "Castillo",
    "Lindqvist", "Mensah", "Aydın", "Marchetti", "Andersen", "Morimoto", "Salgado", "Iyer",
    "Kaya", "Vogel", "Benali", "Araya", "Holm",
)  # fmt: skip
TOPICS = (
    "maritime security",
    "grain exports",
    "climate finance",
    "a ceasefire in the border region",
    "nuclear safeguards",
    "visa rules for students",
    "energy supplies for the winter",
    "fishing rights",
    "debt relief",
    "the release of detained aid workers",
    "a new free trade agreement",
    "cooperation on cybersecurity",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# Each template is one or two sentences; fields in braces are filled per sentence.
TEMPLATES: tuple[str, ...] = (
    "{title_a} {person_a} of {country_a} arrived in {city_b} {past_date} for two days of talks with "
    "{title_b} {person_b}.",
    "The two officials discussed {topic} and agreed to meet again {future_date}, according to a "
    "statement released by the {demonym_a} foreign ministry.",
    '"We have made real progress on {topic}, but a great deal of work remains," {surname_a} told '
    "reporters after the meeting in {city_b}.",
    "{surname_b} said {country_b} was prepared to resume negotiations on {topic} if the other side "
    "showed good faith.",
    "{country_a} and {country_b} signed an agreement on {topic} {past_date}, the first such accord "
    "between the two governments in more than a decade.",
    '{title_c} {person_c} condemned the decision, calling it "a step backwards for the whole region" '
    "in a post on social media.",
    "The {demonym_c} government announced {past_date} that it would expel three diplomats from the "
    "embassy of {country_a}, accusing them of activities incompatible with their status.",
    "{country_b} recalled its ambassador to {country_c} for consultations after the talks collapsed "
    "{past_date}.",
    "Leaders of {org} will gather in {venue} {future_date} for a summit expected to focus on {topic}.",
    "{surname_a} spoke by telephone with {title_c} {person_c} {past_date}, the two sides said in "
    "separate statements.",
    'In a joint statement, the ministers said they "reaffirm their commitment to {topic}" and called '
    "on all parties to show restraint.",
    "{country_c} imposed sanctions on several companies it accused of helping to evade an embargo, a "
    "move that {country_a} described as unlawful.",
    "Officials in {city_a} said the visit, planned since {month} {year}, had been delayed twice because "
    "of disagreements over {topic}.",
    '"Our doors remain open," {surname_b} said. "We expect our partners to honour what they signed '
    'in {venue}."',
    "{title_b} {person_b} is scheduled to travel to {city_c} {future_date} and to host a delegation "
    "from {country_a} later this year.",
    "Analysts said the meeting was the clearest sign yet that {country_a} wants to repair relations "
    "that soured after a dispute over {topic} in {year}.",
    "{surname_c} urged {org} to send observers and warned that the situation could deteriorate "
    "quickly without outside help.",
    "The talks, held behind closed doors at a hotel in {venue}, lasted nearly five hours, a spokesperson "
    "for {title_a} {surname_a} said.",
    "A senior official from {country_b}, who spoke on condition of anonymity, said the two sides were "
    "still far apart on {topic}.",
    "{demonym_a} and {demonym_b} negotiators will meet {future_date} in {venue} to draft the text of "
    "a memorandum of understanding.",
    "On {weekday}, {surname_a} met representatives of {org} to present a plan on {topic}.",
    "{title_c} {person_c} welcomed the announcement and said {country_c} would support it at {org}.",
    '{country_b} rejected the accusations {past_date}, saying they were "baseless and politically '
    'motivated."',
    "The ministry said {surname_b} would attend a conference on {topic} in {venue} from {month} "
    "{day} to {month} {day2}.",
)


class _Filler:
    """Draws the names, places and dates of one article, consistent across its sentences."""

    def __init__(self, rng: random.Random, published: dt.date) -> None:
        self.rng = rng
        self.published = published
        picks = rng.sample(COUNTRIES, 3)
        people = [(rng.choice(GIVEN), rng.choice(FAMILY)) for _ in range(3)]
        titles = rng.sample(TITLES, 3)
        self.fixed: dict[str, str] = {}
        for key, (country, capital, demonym), (given, family), title in zip(
            "abc", picks, people, titles, strict=True
        ):
            self.fixed[f"country_{key}"] = country
            self.fixed[f"city_{key}"] = capital
            self.fixed[f"demonym_{key}"] = demonym
            self.fixed[f"person_{key}"] = f"{given} {family}"
            self.fixed[f"surname_{key}"] = family
            self.fixed[f"title_{key}"] = title

    def _date(self, past: bool) -> str:
        rng, pub = self.rng, self.published
        shift = rng.randint(1, 40)
        day = pub - dt.timedelta(days=shift) if past else pub + dt.timedelta(days=shift)
        forms: list[Callable[[], str]] = [
            lambda: f"on {WEEKDAYS[day.weekday()]}",
            lambda: f"on {MONTHS[day.month - 1]} {day.day}",
            lambda: f"on {MONTHS[day.month - 1]} {day.day}, {day.year}",
            lambda: f"on {day.day} {MONTHS[day.month - 1]}",
            lambda: "last week" if past else "next week",
            lambda: "earlier this month" if past else "later this month",
            lambda: "yesterday" if past else "tomorrow",
        ]
        return rng.choice(forms)()

    def fill(self, template: str) -> str:
        rng = self.rng
        day = rng.randint(1, 20)
        values = dict(self.fixed)
        values.update(
            past_date=self._date(past=True),
            future_date=self._date(past=False),
            topic=rng.choice(TOPICS),
            org=rng.choice(ORGS),
            venue=rng.choice(VENUES),
            weekday=rng.choice(WEEKDAYS),
            month=rng.choice(MONTHS),
            year=str(rng.randint(2005, self.published.year - 1)),
            day=str(day),
            day2=str(day + rng.randint(1, 5)),
        )
        text = template.format(**values)
        return text[0].upper() + text[1:]


def make_article(rng: random.Random, words: int = 750) -> tuple[str, dt.date]:
    """One article of about ``words`` words and its publication date."""
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3650))
    filler = _Filler(rng, published)
    dateline = f"{filler.fixed['city_b'].upper()}, {MONTHS[published.month - 1]} {published.day} —"
    deck: list[str] = []

    def draw() -> str:
        # a shuffled deck rather than independent draws, so sentences repeat as little as possible
        if not deck:
            deck.extend(TEMPLATES[1:])
            rng.shuffle(deck)
        return deck.pop()

    paragraphs: list[str] = []
    count = 0
    first = True
    while count < words:
        sentences = [filler.fill(TEMPLATES[0] if first else draw())]
        first = False
        for _ in range(rng.randint(0, 2)):
            sentences.append(filler.fill(draw()))
        paragraph = " ".join(sentences)
        count += len(paragraph.split())
        paragraphs.append(paragraph)
    paragraphs[0] = f"{dateline} {paragraphs[0]}"
    return "\n\n".join(paragraphs) + "\n", published


def make_corpus(n: int, *, seed: int = 7, words: int = 750) -> list[tuple[str, dt.date]]:
    """``n`` articles with their publication dates, the same for the same seed."""
    rng = random.Random(seed)
    return [make_article(rng, words) for _ in range(n)]


if __name__ == "__main__":
    text, published = make_article(random.Random(1))
    print(f"published {published}, {len(text.split())} words, {len(text)} characters\n")
    print(text)
