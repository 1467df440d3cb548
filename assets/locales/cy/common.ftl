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

## `hangup progress`.
# New (staff18): needs review by a first-language Welsh speaker.
progress-title = Eich ymarfer hyd yn hyn.
# New (staff18): needs review by a first-language Welsh speaker.
progress-nothing = Does dim byd wedi'i gadw eto.
# New (staff18): needs review by a first-language Welsh speaker.
progress-kept-in = Mae eich cynnydd yn cael ei gadw yn { $path }.
# New (staff18): needs review by a first-language Welsh speaker.
progress-to-delete = I'w ddileu, rhedwch: hangup progress --reset
# New (staff18): needs review by a first-language Welsh speaker.
progress-deleted = Mae eich cynnydd wedi'i ddileu.
# New (staff18): needs review by a first-language Welsh speaker.
progress-none-to-delete = Doedd dim cynnydd wedi'i gadw i'w ddileu.
progress-call = { $title } ({ $id }).
# New (staff18): needs review by a first-language Welsh speaker.
progress-played = Wedi'i hymarfer { $times ->
        [one] unwaith
       *[other] { $times } gwaith
    }, y tro olaf ar { $date }. Y tro diwethaf: { $outcome }
# New (staff18): needs review by a first-language Welsh speaker.
progress-due-now = Yn barod i'w hymarfer eto nawr.
# New (staff18): needs review by a first-language Welsh speaker.
progress-again-on = Ymarferwch hon eto ar { $date } neu wedyn.
# New (staff18): needs review by a first-language Welsh speaker.
progress-checks = Profion cyflym (sgam neu alwad go iawn?):
# New (staff18): needs review by a first-language Welsh speaker.
progress-check = Ar { $date }, { $stage ->
        [before] cyn ymarfer
       *[after] ar ôl ymarfer
    }: { $score }{ $unsure ->
        [0] .
        [one] , ac unwaith "Ddim yn siŵr: byddwn i'n gwirio yn gyntaf".
       *[other] , a { $unsure } gwaith "Ddim yn siŵr: byddwn i'n gwirio yn gyntaf".
    }
