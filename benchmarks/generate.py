"""Writes a corpus of N article-like files for the benchmarks: paragraphs of the seeds and of the
test articles, recombined and altered (other figures, other days), among paragraphs on other topics,
with the clutter real saved pages carry (bylines, captions, promos, teaser lists, tickers).
Deterministic: the same N gives the same files. With --on-topic most paragraphs are on the brief's
topic (also those of the real test pages), as in a newsroom's topic folder.

    python benchmarks/generate.py 1000 /tmp/corpus-1k
    python benchmarks/generate.py 1000 /tmp/topic-1k --on-topic
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.ingest import read_articles  # noqa: E402
from briefing.segment import paragraphs  # noqa: E402

FILLER_DE = [
    "Die Inflationsrate im Euroraum ist im Oktober leicht gestiegen, teilte das Statistikamt Eurostat mit. Ökonomen hatten mit einem stärkeren Anstieg gerechnet.",
    "Der Deutsche Wetterdienst erwartet für das Wochenende Regen und stürmische Böen im Norden. Im Süden bleibt es meist trocken bei Temperaturen um zehn Grad.",
    "Im Spitzenspiel der Bundesliga trennten sich die beiden Tabellenführer unentschieden. Der Trainer zeigte sich nach dem Spiel dennoch zufrieden mit der Leistung.",
    "Die Bahn kündigte für die kommenden Wochen Bauarbeiten auf mehreren Strecken an. Reisende müssen mit Verspätungen und Zugausfällen rechnen.",
    "Der Stadtrat hat den Haushalt für das kommende Jahr verabschiedet. Größter Posten sind Investitionen in Schulen und Kitas.",
    "Ein neues Museum für moderne Kunst öffnet im Frühjahr seine Türen. Die Eröffnungsausstellung zeigt Werke aus vier Jahrzehnten.",
    "Die Zahl der Anträge auf Elterngeld ist im vergangenen Jahr zurückgegangen. Familienverbände fordern eine Reform der Leistung.",
    "Forscher haben eine neue Methode entwickelt, um Plastik im Meer schneller abzubauen. Bis zu einer Anwendung im großen Maßstab dürften aber Jahre vergehen.",
    "Der Autobauer meldete für das dritte Quartal einen Gewinnrückgang. Als Gründe nannte das Unternehmen schwache Nachfrage und hohe Kosten.",
    "Die Polizei sucht Zeugen eines Unfalls auf der Landstraße. Ein Radfahrer wurde dabei schwer verletzt.",
    "Das Kabinett hat sich auf einen Entwurf für das neue Heizungsgesetz geeinigt. Die Opposition kritisierte die Pläne als unausgegoren.",
    "Beim Stadtlauf am Sonntag gingen mehr als 8.000 Läuferinnen und Läufer an den Start. Den Sieg holte eine Studentin aus Leipzig.",
]
FILLER_EN = [
    "Stock markets in Asia closed higher on Friday as investors weighed fresh data on inflation. Analysts said trading volumes remained thin.",
    "The city council approved plans for a new light rail line that would connect the airport with the city centre by 2030.",
    "Heavy rain is expected across the region over the weekend, forecasters said, with a risk of local flooding in low-lying areas.",
    "The club confirmed that its captain would miss the next three matches with a hamstring injury sustained in training.",
    "A new study suggests that regular walking can reduce the risk of heart disease by up to a third, researchers reported.",
    "The carmaker said quarterly profit fell by 12 percent, citing weaker demand in China and higher costs for raw materials.",
    "Lawmakers began debating a bill that would raise the minimum wage, with a vote expected before the end of the month.",
    "The museum said more than 5,000 visitors had seen the exhibition in its first week, far more than expected.",
]
CLUTTER = [
    "Lesedauer: 3 Min.", "Teilen", "Mehr zum Thema", "- Gaspreise: Das müssen Verbraucher jetzt wissen",
    "- Trump und Putin: Was das Telefonat bedeutet", "Foto: dpa", "Bild: imago images / Future Image",
    "Folgen Sie uns auf Instagram und abonnieren Sie unseren Newsletter!", "Share", "3 min read",
    "Sign up for our free daily newsletter", "Related: Inside the world's busiest port",
    "+++ 14:35 Uhr: Börse schließt mit leichtem Plus +++", "Auch interessant",
]
HEADLINES = ["Lage in der Ukraine", "Nordkorea und Russland", "Neues aus Seoul", "Kursk: Was bekannt ist",
             "Analyse: Kims Soldaten", "Politik kompakt", "Wirtschaft am Morgen", "Weltnachrichten",
             "North Korea and Russia", "The war in Ukraine", "World news briefing"]
MONTHS = ["Oktober", "November"]


def topic_paragraphs(real: bool = False) -> tuple[list[str], list[str]]:
    german, english = [], []
    folders = [ROOT / "seeds", ROOT / "tests" / "gold" / "articles"]
    if real:
        folders.append(ROOT / "tests" / "gold" / "real" / "nk-troops" / "articles")
    for folder in folders:
        for article in read_articles(folder)[0]:
            for start, end in paragraphs(article.text):
                if not article.is_furniture(start, end) and end - start > 120:
                    (english if article.language == "en" else german).append(article.text[start:end])
    return german, english


def alter(paragraph: str, rng: random.Random) -> str:
    """Other figures and days, so that no two articles repeat each other exactly."""
    paragraph = re.sub(r"\b(\d{1,2})\.(\d{3})\b", lambda m: f"{rng.randint(1, 20)}.{m.group(2)}", paragraph)
    paragraph = re.sub(r"\b(\d{1,2}),(\d{3})\b", lambda m: f"{rng.randint(1, 20)},{m.group(2)}", paragraph)
    return re.sub(r"\bam (\d{1,2})\. (Oktober|November)", lambda m: f"am {rng.randint(1, 28)}. {rng.choice(MONTHS)}",
                  paragraph)


def article(i: int, rng: random.Random, german: list[str], english: list[str], on_topic: float = 0.4) -> str:
    en = rng.random() < 0.3
    topic, filler = (english, FILLER_EN) if en else (german, FILLER_DE)
    lines = [rng.choice(HEADLINES) + f" ({i})", ""]
    if rng.random() < 0.6:
        lines += [f"{rng.randint(1, 28):02d}.{rng.choice([10, 11]):02d}.2024, {rng.randint(6, 22)}:{rng.randint(0, 59):02d}", ""]
    for _ in range(rng.randint(19, 29)):
        roll = rng.random()
        if roll < on_topic:
            lines.append(alter(rng.choice(topic), rng))
        elif roll < 0.9:
            lines.append(rng.choice(filler))
        else:
            lines.append(rng.choice(CLUTTER))
        lines.append("")
    return "\n".join(lines)


USAGE = "usage: python benchmarks/generate.py COUNT FOLDER [--on-topic]"


def main() -> None:
    if len(sys.argv) < 3 or not sys.argv[1].isdigit():
        raise SystemExit(USAGE)
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    on_topic = "--on-topic" in sys.argv[3:]
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(count)
    german, english = topic_paragraphs(real=on_topic)
    size = 0
    for i in range(count):
        text = article(i, rng, german, english, 0.85 if on_topic else 0.4)
        (out / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    print(f"{count} articles, {size / 1e6:.1f} MB in {out}")


if __name__ == "__main__":
    main()
