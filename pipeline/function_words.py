"""Function words per language: the words a keyphrase match may leave out.

A keyphrase's *content words* are its words minus the function words of the
page language (articles, pronouns, prepositions and prepositional adverbs,
conjunctions, auxiliary and modal verbs, quantifiers, small numerals and
similar closed-class words). Yoast's SEO analysis makes the same split
("function words are not required"; yoastseo,
``src/languageProcessing/languages/<lang>/config/functionWords.js``); these
lists were written for this project from the same grammatical categories,
so they are close to Yoast's without being a copy of them. Like Yoast,
English counts the prepositional adverbs "back", "forward", "ahead" and
"within" as function words, so "herpes back pain" has the content words
"herpes" and "pain".

Words are stored lowercase, without diacritics and apostrophes, the form
`pipeline.checks.keyphrase.words` produces. Languages without a list use
every word of the keyphrase, as Yoast does for languages it has no
function-word support for.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import cache
from typing import Final

__all__ = ["FUNCTION_WORDS", "LANGUAGES", "function_words"]


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("'", "").replace("’", "")


_EN = """
a an the
i you he she it we they me him her us them
my your his its our their mine yours hers ours theirs
myself yourself himself herself itself ourselves yourselves themselves oneself
this that these those
who whom whose which what whatever whichever whoever
where when why how whether wherever whenever however
there here thus hence therefore
some any all each every no none both either neither few fewer several many much
more most less least lot lots little enough plenty such other others another
one two three four five six seven eight nine ten hundred thousand million
first second third
someone somebody something anyone anybody anything everyone everybody everything
nobody nothing
in on at by for from with without of to into onto upon about above across after
against along alongside among amongst around as before behind below beneath beside
besides between beyond despite down during except inside like near off out outside
over past per since than through throughout till toward towards under underneath
until up via within versus vs
back forward forwards backward backwards ahead away apart aside
and or but nor yet so if because although though while whereas unless whilst
also too very really quite rather just only even still already again ever never
often always sometimes usually perhaps maybe not
be am is are was were been being
have has had having
do does did done doing
can cannot could may might must shall should will would ought
can't couldn't don't doesn't didn't isn't aren't wasn't weren't won't wouldn't
shouldn't haven't hasn't hadn't mustn't
i'm you're he's she's it's we're they're i've you've we've they've
i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll
let lets get gets got
"""

_DE = """
der die das den dem des ein eine einen einem einer eines
ich du er sie es wir ihr mich dich ihn uns euch mir dir ihm ihnen
mein meine meinen meinem meiner meines dein deine deinen deinem deiner deines
sein seine seinen seinem seiner seines ihre ihren ihrem ihrer ihres
unser unsere unseren unserem unserer euer eure euren eurem eurer
sich selbst selber
dieser diese dieses diesen diesem jener jene jenes jenen jenem
welcher welche welches welchen welchem wer wen wem wessen was
wo wann warum wie weshalb wieso woher wohin womit wodurch
alle allen aller alles jeder jede jedes jeden jedem kein keine keinen keinem
keiner keines manche mancher manches einige einiger viele vielen wenige wenigen
mehr meisten etwas nichts jemand niemand man
eins zwei drei vier funf sechs sieben acht neun zehn hundert tausend
in im ins an am ans auf aus bei beim mit nach seit von vom zu zum zur
durch fur gegen ohne um bis entlang uber unter vor hinter neben zwischen
wahrend wegen trotz statt anstatt innerhalb ausserhalb gemass laut
und oder aber denn sondern doch als wenn weil dass ob obwohl damit
sowie sowohl weder noch entweder falls sobald solange
auch sehr nur noch schon ja nein nicht nie immer oft manchmal vielleicht
so dann da dort hier jetzt nun eben gar ganz zu
bin bist ist sind seid war warst waren wart gewesen sein
habe hast hat haben habt hatte hatten gehabt
werde wirst wird werden werdet wurde wurden geworden worden
kann kannst konnen konnt konnte konnten muss musst mussen musste mussten
darf durfen durfte soll sollen sollte sollten will willst wollen wollte
mag mogen mochte mochten
"""

_FR = """
le la les l un une des du de d au aux
je j tu il elle on nous vous ils elles me m te t se s lui leur leurs eux
moi toi soi
mon ma mes ton ta tes son sa ses notre nos votre vos
ce c cet cette ces ceci cela ca celui celle ceux celles
qui que qu quoi dont ou lequel laquelle lesquels lesquelles
quand comment pourquoi combien quel quelle quels quelles
tout tous toute toutes chaque aucun aucune plusieurs quelque quelques
certain certains certaine certaines autre autres meme memes tel telle
beaucoup peu plus moins tres trop assez
un deux trois quatre cinq six sept huit neuf dix cent mille
a dans en par pour sur sous avec sans chez vers entre contre depuis pendant
avant apres devant derriere selon malgre parmi envers hors
et ou mais donc or ni car si comme lorsque puisque quoique
ne pas plus jamais rien personne non oui aussi encore deja toujours souvent
parfois peut-etre ici la y
suis es est sommes etes sont etais etait etions etiez etaient ete etre
ai as avons avez ont avais avait avions aviez avaient eu avoir
fait faire peut peuvent pouvoir doit doivent devoir
"""

_ES = """
el la los las lo un una unos unas al del
yo tu el ella usted nosotros nosotras vosotros vosotras ellos ellas ustedes
me te se nos os le les lo la mi mis tu tus su sus nuestro nuestra nuestros
nuestras vuestro vuestra vuestros vuestras mio mia mios mias suyo suya suyos suyas
este esta estos estas ese esa esos esas aquel aquella aquellos aquellas esto eso
aquello
que quien quienes cual cuales cuyo cuya donde cuando como cuanto cuanta cuantos
cuantas
todo toda todos todas cada algun alguno alguna algunos algunas ningun ninguno
ninguna otro otra otros otras mismo misma mismos mismas tal tales varios varias
mucho mucha muchos muchas poco poca pocos pocas mas menos muy tan tanto tanta
uno dos tres cuatro cinco seis siete ocho nueve diez cien mil
a ante bajo con contra de desde durante en entre hacia hasta mediante para por
segun sin sobre tras
y e o u pero sino ni si porque aunque pues mientras
no si tambien tampoco ya aun todavia siempre nunca jamas solo
aqui alli ahi asi
soy eres es somos sois son era eras eramos eran fue fueron sido ser
estoy estas esta estamos estan estaba estaban estado estar
he has ha hemos habeis han habia habian habido haber hay
puede pueden poder debe deben deber
"""

_IT = """
il lo la i gli le un uno una l
io tu lui lei egli ella noi voi loro esso essa essi esse
mi ti si ci vi ne gli me te se
mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra nostri nostre
vostro vostra vostri vostre
questo questa questi queste quello quella quelli quelle
che chi cui quale quali dove quando come perche quanto quanta quanti quante
tutto tutta tutti tutte ogni ciascuno alcuni alcune nessuno nessuna altro altra
altri altre stesso stessa molto molta molti molte poco poca pochi poche piu meno
troppo
uno due tre quattro cinque sei sette otto nove dieci cento mille
di a da in con su per tra fra del dello della dei degli delle al allo alla ai
agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle
sul sullo sulla sui sugli sulle senza sotto sopra dopo prima durante verso
contro
e ed o od ma pero se anche neanche ne oppure quindi dunque mentre
non gia ancora sempre mai spesso qui qua li la cosi
sono sei e siamo siete era erano stato stata essere
ho hai ha abbiamo avete hanno aveva avevano avuto avere
puo possono potere deve devono dovere
"""

_PT = """
o a os as um uma uns umas ao aos do da dos das no na nos nas
eu tu ele ela nos vos eles elas voce voces me te se lhe lhes
meu minha meus minhas teu tua teus tuas seu sua seus suas nosso nossa nossos
nossas
este esta estes estas esse essa esses essas aquele aquela aqueles aquelas isto
isso aquilo
que quem qual quais cujo cuja onde quando como quanto quanta quantos quantas
todo toda todos todas cada algum alguma alguns algumas nenhum nenhuma outro outra
outros outras mesmo mesma muito muita muitos muitas pouco pouca poucos poucas
mais menos tao tanto
um dois tres quatro cinco seis sete oito nove dez cem mil
de em por para com sem sobre sob entre ate desde contra durante apos ante pelo
pela pelos pelas num numa
e ou mas nem se porque embora pois enquanto
nao sim tambem ja ainda sempre nunca so aqui ali assim
sou es e somos sao era eram foi foram sido ser
estou esta estamos estao estava estavam estado estar
tenho tem temos tinha tinham tido ter ha havia haver
pode podem poder deve devem dever
"""

_NL = """
de het een
ik jij je hij zij ze wij we jullie u mij me jou hem haar ons hen hun zich
mijn jouw zijn haar onze ons uw hun
deze dit die dat
wie wat welk welke waar wanneer waarom hoe
alle alles elk elke ieder iedere geen sommige enkele veel weinig meer meest minder
iets niets iemand niemand men
een twee drie vier vijf zes zeven acht negen tien honderd duizend
in op aan bij met naar van voor door over onder tussen tegen zonder tot uit om
achter naast na sinds tijdens volgens
en of maar want dus noch als omdat hoewel terwijl dat
ook zeer heel erg niet nooit altijd vaak soms misschien al nog wel hier daar er
toen nu
ben bent is zijn was waren geweest
heb hebt heeft hebben had hadden gehad
word wordt worden werd werden geworden
kan kunnen kon konden moet moeten moest mag mogen wil willen zal zullen zou zouden
"""

FUNCTION_WORDS: Final[Mapping[str, frozenset[str]]] = {
    lang: frozenset(_fold(w) for w in text.split())
    for lang, text in {
        "en": _EN,
        "de": _DE,
        "fr": _FR,
        "es": _ES,
        "it": _IT,
        "pt": _PT,
        "nl": _NL,
    }.items()
}
#: Languages with a function-word list.
LANGUAGES: Final = frozenset(FUNCTION_WORDS)


@cache
def function_words(lang: str | None) -> frozenset[str]:
    """Function words of a language tag (`de-AT` → German); empty if unknown."""
    root = (lang or "").strip().replace("_", "-").split("-")[0].lower()
    return FUNCTION_WORDS.get(root, frozenset())
