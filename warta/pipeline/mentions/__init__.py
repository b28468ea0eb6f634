"""Find who is named in each sentence and resolve them to CAMEO actor codes (the stage
`warta.actors.v1`, `ActorFinder`).

Names come from the gazetteer (countries, capitals, organisations, role nouns,
known people). They are then composed the way news writes them:
  role + country [+ , Name]      "Presiden Rusia, Vladimir Putin"  -> RUSGOV
  country + role [+ Name]        "Iranian President Hassan Rouhani"
  Name , role ... country        "Ali Asghar Khaji, penasihat senior menlu Iran"
  role + country and country     "Presiden Iran dan Rusia" -> IRNGOV, RUSGOV
  role + both parties            "menteri luar negeri kedua negara"
A person tied to a role in the text is remembered for the rest of the document,
so "Lavrov" alone resolves too, spelling variants included (Sergei/Sergey).
A capitalised name nobody resolved is judged by warta.pipeline.names: a person
is kept with no actor (kind "person", rule "unresolved:<evidence>"), so events
keep their name; a place, a body or any other name becomes kind "name" and
takes part in nothing. An office or a body takes the unresolved name right
after it as its person's ("Pemimpin Hamas Yahya Sinwar", "Arab League Secretary
General Chadli Klibi"; in a story set at home, "Menteri Perdagangan Zulkifli
Hasan").

Modules, in the order a document meets them:
  finder     the stage: ActorFinder, its pack data and its passes over a document
  atoms      the gazetteer's hits placed on tokens; PLACE_KINDS
  compose    a sentence's atoms composed into mentions (roles, countries, bodies, laws)
  names      capitalised names no atom covers; the people the document remembers
  places     the story's own country, places that only say where, datelines
  offices    offices and bodies naming the person who holds them
  referents  names recalled, "ia", "mereka", "kedua negara"; compound groups
  speakers   first-person words standing for their speaker, in and around quotes
  tokens     helpers over a sentence's tokens, and the Mention a span makes
"""
from __future__ import annotations

from warta.pipeline.mentions.atoms import PLACE_KINDS
from warta.pipeline.mentions.finder import ActorFinder
from warta.pipeline.mentions.referents import compound_groups

__all__ = ["PLACE_KINDS", "ActorFinder", "compound_groups"]
