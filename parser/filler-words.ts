/**
 * General English words that carry no preference by themselves (function words, chat, generic nouns for
 * "items" of any catalog, vague verbs and evaluations). A clause's words left after grounding become free
 * text only if something other than these remains.
 */
export const FILLER = new Set(
  (
    // function words
    "a an the and or of to in on at by for from into onto as is are was were be been being am do does did done " +
    "i me my mine we us our you your yours he him his she her they them their it its this that these those there here " +
    "what which who whom whose where when why how if so then than too very really quite pretty kinda kind sort sorta " +
    "some any anything something everything nothing all each every other another else different same such own " +
    "can could will would shall should may might must also just even still yet again ever now tonight today tomorrow " +
    "lately recently currently right now please pls thanks thank thx ty ok okay yes no not " +
    "way bit lot lots much many more most less few little least very totally completely absolutely actually basically " +
    "literally honestly seriously maybe perhaps probably definitely " +
    // vague verbs
    "want wants wanted wanna need like likes liked looking look see seen watch watched watching show shows showing " +
    "give gives giving get gets got getting go going gone make makes made let lets try trying think thinking know " +
    "knew guess feel feeling find recommend suggest bring have has had having say said mean tell find pick choose " +
    "keep stay play read buy wear put take come coming ones one thing things stuff item items product products piece pieces " +
    "option options choice choices pick picks recommendation recommendations result results suggestion suggestions " +
    "movie movies film films flick flicks show series book books novel novels title titles song songs track tracks " +
    "album albums dish dishes meal meals place places restaurant restaurants clothes outfit outfits article articles " +
    "vibe vibes mood type genre kinds sorts style styles category categories stuffs content selection " +
    // chat and evaluation
    "ok okay hey hi hello hmm hm ugh wow oh ah um uh lol haha cool nice great good bad fine awesome perfect lovely " +
    "garbage trash rubbish junk crap total whole full entire decent best better worse worst top usual normal " +
    "either neither both whatever whichever anyway anyhow though now on off up down out over next last time times " +
    "girlfriend boyfriend wife husband partner friend friends mom dad mum parents date night weekend evening afternoon " +
    "morning people person someone somebody anyone anybody everyone everybody nobody yourself myself ourselves " +
    "already instead rather enough well under below above before after since between around until till within"
  ).split(" "),
);
