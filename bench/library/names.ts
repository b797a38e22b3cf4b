// Word pools for made-up names. Diacritics, non-Latin scripts and punctuation are
// there on purpose: they are what breaks sorting, searching and path handling.

/** Pools are written as '|'-separated text so that the formatter keeps them compact. */
const list = (text: string): string[] => text.split('|').map((s) => s.trim());

export const SPECIAL_ARTISTS = list(`Björk | Café Tacvba | Sigur Rós | Mötörgrïnd | Blue Öyster Kült |
  Hüsker Düster | Zoë & the Kästner Brothers | Los Niños Perdidos | Mañana Sound System |
  Łódź Underground | Sons 'n' Daughters | K/M Transit | ¡Ay! Caramba | Mr. Wednesday & Co. |
  Question? Mark | Hello: World | Ellipsis... | Nguyễn Trio | 坂本 Ryo Ensemble | Белые Ночи |
  Αθήνα Nights | The "Quoted" Band | Ænima Fields | Søren Kjærgaard Kvartet`);

export const SPECIAL_ALBUMS = list(`Über Alles | Ça Plane | ¿Qué Pasa? | Live at the Café Rouge |
  Greatest Hits | Greatest Hits, Vol. 2 | Untitled | 1999 | Re: Mixes | Songs/Stories | What?! |
  Señales | Mörk Natt | Déjà Vu Again | Rarities & B-Sides | <Unreleased>`);

export const ADJECTIVES = list(`Silver | Broken | Electric | Quiet | Golden | Midnight | Hollow |
  Crimson | Northern | Velvet | Paper | Glass | Wild | Lonely | Distant | Burning | Frozen | Hidden |
  Little | Neon | Static | Wooden | Violet | Endless | Restless | Sleeping | Ancient | Bitter | Sweet |
  Strange | Open | Salty | Lucky | Dusty | Bright | Secret | Falling | Blue | Red | Green | Süß | Mörk`);

export const NOUNS = list(`Heart | River | Ocean | Mirror | Garden | Signal | Machine | Forest |
  Engine | Shadow | Harbor | Window | Letter | Highway | Mountain | Desert | Island | Kingdom | Circus |
  Satellite | Lantern | Horizon | Echo | Thunder | Feather | Compass | Diamond | Ghost | Orchard |
  Cathedral | Telephone | Winter | Summer | Morning | Evening | Moon | Star | Fire | Rain | Dream |
  Café | Fjörd | Señal`);

export const PLURALS = list(`Wolves | Sparrows | Engines | Ghosts | Pilots | Strangers | Lanterns |
  Saints | Tigers | Mariners | Comets | Foxes | Owls | Kings | Monks | Daughters | Rivers | Machines |
  Drifters | Échos`);

export const FIRST_NAMES = list(`Anna | José | Chloé | Søren | Zoë | Ólafur | Mikko | Renée | Björn |
  Łukasz | Anaïs | Jürgen | Núria | François | Ingrid | Marco | Yuki | Kenji | Amara | Tomás | Élodie |
  Grzegorz | Ayşe | Ştefan | Sam | Maria | John | Lena`);

export const LAST_NAMES = list(`Lindqvist | Martínez | Bénard | Kjærgaard | Müller | Novák | Dvořák |
  Sørensen | O'Connor | Smith-Jones | Nakamura | Haraldsdóttir | Çelik | Kowalczyk | García | Fontaine |
  Rossi | Virtanen | Papadopoulos | MacLeod | van der Berg | de la Cruz`);

export const TITLE_PHRASES = list(`Don't Let Go | I'm Not Sleeping | Hey! | Where Are You? | Ça Va |
  Mañana | Nothing Left to Say | Come Home | All the Way Down | Run, Run, Run | Tonight | Déjà Vu |
  Zürich at Night | Why? | Rock 'n' Roll Suicide Note | 3:00 AM | Either/Or | Intro | Outro | Interlude`);

// Leading spaces matter here, so no list().
export const TITLE_SUFFIXES = [
  ' (Live)',
  ' (Remastered 2011)',
  ' - Radio Edit',
  ' Pt. 2',
  ' [Demo]',
  ' (Acoustic)',
  ' (Reprise)',
  ' (Extended Mix)',
];

export const GENRES = list(`Rock | Pop | Jazz | Classical | Electronic | Hip-Hop | R&B | Soul | Funk |
  Blues | Country | Folk | Metal | Punk | Indie | Alternative | Reggae | Latin | World | Ambient |
  Soundtrack | Singer/Songwriter | Drum & Bass | Chanson | Post-Rock`);

export const COMPILATION_TITLES = list(`Now That's Noise | Summer Hits | Indie Gems | Ultimate Collection |
  Late Night Tales | Café del Sol | Pure Ambient | The Sound of | Kuschelrock-ish | Festival Anthems`);
