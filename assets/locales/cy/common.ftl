# Geiriad a rennir gan bob sgrin.
# Needs review by a first-language Welsh speaker before use.

## Ieithoedd

language-name-en-GB = English
language-name-cy = Cymraeg
language-name-en-XA = Ffug (ar gyfer profi)
language-choice = Cymraeg / English
# Dangosir ar y rhestr pan fydd y sgrin yn Saesneg.
language-offer = Cymraeg: teipiwch c.

## Dyddiadau: "1 Mawrth 2026".

month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr
date-long = { $day } { $month } { $year }

## Rhifau. Mae gan y Gymraeg chwe ffurf luosog.

calls-count =
    { $count ->
        [zero] { $count } galwad
        [one] { $count } alwad
        [two] { $count } alwad
        [few] { $count } galwad
        [many] { $count } galwad
       *[other] { $count } galwad
    }
