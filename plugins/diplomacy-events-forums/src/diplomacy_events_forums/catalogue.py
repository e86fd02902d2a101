"""The forums, groupings and summits the plugin knows: general knowledge, one entry each.

Every form is matched case-sensitively as written (runs of whitespace in the text may stand for
a space). Three strengths of form:

* ``forms``: unambiguous names, always a mention;
* ``weak``: short forms that mean other things too ("ARF", "MSC"), a mention only when the same
  document also uses a form of ``forms``;
* ``contextual``: ordinary words ("Quad", "Davos"), a mention after "the", before a grouping noun
  ("Quad summit", "Davos forum"), or when the document also uses a form of ``forms``.

Numbered climate summits ("COP28", "COP 21", "Cop26") are matched by a pattern of their own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Forum:
    """A named forum: its canonical name and the forms a text may use for it."""

    name: str
    forms: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    contextual: tuple[str, ...] = ()
    cameo_role: str = "IGO"
    """CAMEO actor code: ``IGO`` for intergovernmental groupings, ``NGO`` for privately run forums."""


FORUMS: tuple[Forum, ...] = (
    Forum(name="Group of Seven", forms=("G7", "G-7", "Group of Seven", "Group of 7")),
    Forum(name="Group of Eight", forms=("G8", "G-8", "Group of Eight", "Group of 8")),
    Forum(name="Group of 20", forms=("G20", "G-20", "Group of 20", "Group of Twenty")),
    Forum(name="Group of 77", forms=("G77", "G-77", "Group of 77")),
    Forum(name="BRICS", forms=("BRICS", "Brics")),
    Forum(
        name="Asia-Pacific Economic Cooperation",
        forms=("Asia-Pacific Economic Cooperation", "Asia Pacific Economic Cooperation", "APEC", "Apec"),
    ),
    Forum(name="ASEAN Regional Forum", forms=("ASEAN Regional Forum", "Asean Regional Forum"), weak=("ARF",)),
    Forum(name="East Asia Summit", forms=("East Asia Summit",), weak=("EAS",)),
    Forum(name="Quad", forms=("Quadrilateral Security Dialogue",), contextual=("Quad",)),
    Forum(
        name="Shanghai Cooperation Organisation",
        forms=("Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "SCO"),
    ),
    Forum(
        name="Munich Security Conference",
        forms=("Munich Security Conference",),
        weak=("MSC",),
        cameo_role="NGO",
    ),
    Forum(
        name="Shangri-La Dialogue",
        forms=("Shangri-La Dialogue", "Shangri-La Dialog", "Shangri La Dialogue"),
        cameo_role="NGO",
    ),
    Forum(
        name="World Economic Forum",
        forms=("World Economic Forum",),
        weak=("WEF",),
        contextual=("Davos",),
        cameo_role="NGO",
    ),
    Forum(
        name="UN General Assembly",
        forms=("United Nations General Assembly", "UN General Assembly", "U.N. General Assembly", "UNGA"),
        weak=("General Assembly",),
    ),
    Forum(
        name="UN Climate Change Conference",
        forms=(
            "United Nations Climate Change Conference",
            "UN Climate Change Conference",
            "U.N. Climate Change Conference",
        ),
    ),
    Forum(name="Summit of the Americas", forms=("Summit of the Americas",)),
    Forum(
        name="Commonwealth Heads of Government Meeting",
        forms=("Commonwealth Heads of Government Meeting", "CHOGM"),
    ),
    Forum(name="Belt and Road Forum", forms=("Belt and Road Forum",)),
    Forum(name="Boao Forum for Asia", forms=("Boao Forum for Asia", "Boao Forum"), cameo_role="NGO"),
    Forum(
        name="St Petersburg International Economic Forum",
        forms=(
            "St Petersburg International Economic Forum",
            "St. Petersburg International Economic Forum",
            "Saint Petersburg International Economic Forum",
            "SPIEF",
        ),
    ),
    Forum(name="Raisina Dialogue", forms=("Raisina Dialogue",), cameo_role="NGO"),
    Forum(name="Valdai Discussion Club", forms=("Valdai Discussion Club", "Valdai Club"), cameo_role="NGO"),
    Forum(name="Normandy Format", forms=("Normandy Format", "Normandy format")),
    Forum(name="Weimar Triangle", forms=("Weimar Triangle",)),
    Forum(
        name="Visegrad Group",
        forms=("Visegrad Group", "Visegrád Group", "Visegrad Four", "Visegrád Four"),
        weak=("V4",),
    ),
    Forum(name="AUKUS", forms=("AUKUS", "Aukus")),
    Forum(name="Five Eyes", forms=("Five Eyes",)),
)
"""The forums the plugin recognises, in no particular order."""

COP_PREFIXES: tuple[str, ...] = ("COP", "Cop")
"""How texts write the UN climate Conference of the Parties before its number."""
