# Geiriau'r sgriniau ymarfer (src/present/wording.rs).
# Needs review by a first-language Welsh speaker before use.

app-title = hangup: ymarfer adnabod sgamiau ffôn
choose = Dewis
list-title = Dewiswch alwad i'w hymarfer.
list-hint-keys = Pwyswch ei rhif, neu defnyddiwch y bysellau saeth ac Enter.
list-hint-touch = Cyffyrddwch â galwad i'w dechrau.
refused-genuine = Mae rhai galwadau'n rhai go iawn. Mae'n iawn eu gwirio drwy ffonio'n ôl ar rif rydych chi'n ymddiried ynddo.
more-calls = Mwy o alwadau
more-short = Mwy
help = Help
stop = Stopio
go-on = Ymlaen
back-to-list = Yn ôl i'r rhestr
back-short = Yn ôl
quick-questions = Cwestiynau cyflym
back-one-step = Yn ôl un cam
choose-again = Dewis eto
leave = Gadael
skip = Hepgor
replay = Mwy diogel
hear-again = Clywed eto
hear-again-short = Eto
go-back = Mynd yn ôl
more-below = Mwy isod
scroll-up = Mwy uchod
ringing = Mae eich ffôn yn canu.
message-arrived = Mae neges destun wedi cyrraedd.
knocking = Mae rhywun yn curo ar eich drws.
answer-phone = Ateb y ffôn
answer-phone-short = Ateb
read-message = Darllen y neges
read-message-short = Darllen
go-to-door = Mynd at y drws
caller-id-shows = Mae rhif y galwr yn dangos
it-is-from = Mae'n dod gan
they-say-they-are = Maen nhw'n dweud mai nhw yw
can-be-faked = Cofiwch: mae'n bosib ffugio'r enw a'r rhif ar eich sgrin. Dydyn nhw ddim yn profi pwy sydd yno.
what-would-you-do = Beth fyddech chi'n ei wneud?
your-choice = Eich dewis.
your-answer = Eich ateb.
you-chose = Fe ddewisoch chi
safer = Dewis mwy diogel.
risky = Dewis peryglus.
trick = Tric
call-ended = Mae'r alwad wedi dod i ben.
# $title: teitl y diwedd, fel pennawd.
ending-headline = { $title }.
what-happened = Beth ddigwyddodd:
what-to-do-scam = Beth i'w wneud os bydd hyn yn digwydd i chi:
what-to-do-genuine = Sut i wirio galwad yn ddiogel:
tricks-in-call = Triciau yn yr alwad hon
replay-title = Eich llwybr chi a'r llwybr mwy diogel.
what-you-did = Beth wnaethoch chi:
safer-way = Y ffordd fwy diogel:
yes = Ie
no = Na
quick-check-title = Prawf cyflym.
quick-yes = Ie, dechrau'r prawf
not-now = Dim nawr
scam-or-real = Ai sgam yw hwn, neu alwad go iawn?
a-scam = Sgam
a-real-call = Galwad go iawn
check-done = Prawf cyflym wedi'i orffen.
check-done-after = Prawf cyflym wedi'i orffen: cyn ac ar ôl.
to-the-calls = Mynd i'r galwadau ymarfer
help-title = Help.
if-worried = Os yw galwad yn eich poeni:
numbers-to-know = Rhifau i'w gwybod:
keys = Bysellau ar y sgrin hon:
touch-help = Cyffyrddwch ag ateb neu fotwm i'w ddewis. Cyffyrddwch â Mwy isod i ddarllen ymlaen.
close-card = Cau'r cerdyn hwn
stop-question = Ydych chi eisiau stopio ymarfer?
yes-stop = Ie, stopio
leave-question = Ydych chi eisiau gadael yr alwad hon a mynd yn ôl i'r rhestr?
yes-leave = Ie, gadael yr alwad
keep-going = Na, dal ati
confirm-title = Ydych chi'n siŵr?
touch-answer = Cyffyrddwch ag ateb
touch-button = Cyffyrddwch â botwm
too-small = Gwnewch y ffenestr yn fwy, os gwelwch yn dda.
reading-hint = Anodd ei ddarllen? Gofynnwch i rywun eich helpu i ddechrau hangup gyda llythrennau mawr neu liwiau cryf.
reading-hint-short = Anodd ei ddarllen? Pwyswch ? am help.
theme-hint = Gall rhywun sy'n eich helpu hefyd wneud y sgrin yn olau neu'n dywyll i'ch siwtio chi.
typed-help = Am help, teipiwch farc cwestiwn.
plain-keys = Teipiwch rif eich dewis a phwyso Enter.
leave-check-question = Ydych chi eisiau stopio'r cwestiynau hyn a mynd yn ôl i'r rhestr o alwadau?
yes-leave-check = Ie, mynd i'r rhestr
no-step-back = Does dim cam i fynd yn ôl iddo fan hyn.

## Gyda rhifau neu eiriau o'r alwad

step-title = Cam { $n }.
recall-title = Cwestiwn cyflym { $n } o { $of }.
check-title = Prawf cyflym, galwad { $n } o { $of }.
practice-call = Galwad ymarfer: { $title }
based-on-advice = Yn seiliedig ar gyngor gan { $source }.
recall-verdict-right = Fe ddywedoch chi { $said }. Mae hynny'n gywir.
recall-verdict-wrong = Fe ddywedoch chi { $said }. Yr ateb yw { $want }.
said-yes = ie
said-no = na
so-far = Hyd yma:
so-far-scams = { $spotted } o { $scams } sgam wedi'u hadnabod.
so-far-genuine = { $handled } o { $genuine } galwad go iawn wedi'u trin yn dda.
skipped-one = Nodyn: doedd dim modd defnyddio { $first }: { $reason }
skipped-many = Nodyn: doedd dim modd defnyddio { $count } ffeil. Y gyntaf yw { $first }: { $reason }
# Mae sgriptiau'n chwilio am ddechrau'r llinell hon: "Dewiswch 1-{ $n }".
plain-prompt = Dewiswch 1-{ $n } a phwyso Enter.
# Changed (staff18): "1 neu 2" for two choices; needs review by a first-language Welsh speaker.
plain-prompt-aloud = { $n ->
        [1] Dewiswch 1 a phwyso Enter.
        [2] Dewiswch 1 neu 2 a phwyso Enter.
       *[other] Dewiswch 1 i { $n } a phwyso Enter.
    }
plain-prompt-key = I { $what }, teipiwch { $key }.
plain-get-help = gael help
plain-hear-again = glywed eto
plain-go-back = fynd yn ôl gam
plain-leave = adael
plain-wrong = Teipiwch rif o 1 i { $n }, os gwelwch yn dda.
plain-screen = Sgrin: { $title }

plain-says = Mae { $who } yn dweud: "{ $words }"
plain-message-says = Mae'r neges yn dweud: "{ $words }"
plain-thought = Rydych chi'n meddwl: { $words }
plain-they-say = Maen nhw'n dweud: "{ $words }"
quick-phone-rings = Mae'r ffôn yn canu. Mae'r sgrin yn dangos { $from }.
quick-text-arrives = Mae neges destun yn cyrraedd gan { $from }.
mark-due = Eto
mark-new = Newydd
practised-count = { $done } o { $all } wedi'u hymarfer.
due-count =
    { $due ->
        [one] Mae { $due } alwad yn barod i'w hymarfer eto. Mae hi ar y brig.
       *[other] Mae { $due } galwad yn barod i'w hymarfer eto. Maen nhw ar y brig.
    }
tricks-again = Triciau i'w hymarfer eto: { $names }.
booster = Ymarferwch hon eto ymhen tua phythefnos, ar { $date } neu wedyn.
another-call = Galwad arall
not-sure = Ddim yn siŵr: byddwn i'n gwirio yn gyntaf

## The full-screen front end (src/tui)

too-small-size = Mae angen lle i { $w } llythyren ar draws a { $h } llinell i lawr.
more-below-touch = Mwy isod: cyffyrddwch yma
more-below-keys = Mwy isod: pwyswch Page Down
more-above-touch = Mwy uchod: cyffyrddwch yma
more-above-keys = Mwy uchod: pwyswch Page Up
page-of = (dyma dudalen { $n } o { $of })
says-title = Mae { $who } yn dweud
message-says-title = Mae'r neges yn dweud
you-think-title = Rydych chi'n meddwl
message-title = Neges
message-arrives = Mae neges yn cyrraedd: "{ $words }"
big-letters-note = Ar y sgrin destun hon, mae llythrennau mawr wedi'u gwneud o flociau cyfan, felly dim ond lle mae neges yn ffitio maen nhw'n dangos.
touch-to-close = Pan fyddwch chi wedi'i ddarllen, cyffyrddwch â Cau'r cerdyn hwn i fynd yn ôl.
press-to-close = Pwyswch { $keys } i gau'r cerdyn hwn.
banner-call = Ffôn yn canu
banner-message = Neges destun newydd
banner-visit = Cnoc ar y drws
key-or = neu
message-ended = Dyna ddiwedd y negeseuon.
visit-ended = Mae'r ymweliad wedi dod i ben.
leave-question-other = Ydych chi eisiau stopio'r ymarfer hwn a mynd yn ôl i'r rhestr?
# `hangup play ID` (one practice, then the program ends): leaving ends it.
leave-question-end = Ydych chi eisiau gadael yr alwad hon? Bydd yr ymarfer yn dod i ben wedyn.
leave-question-other-end = Ydych chi eisiau stopio'r ymarfer hwn?
yes-leave-other = Ie, yn ôl i'r rhestr
previous-calls = Galwadau blaenorol
# New (kiosk12): needs review by a first-language Welsh speaker.
first-calls = Yn ôl i'r galwadau cyntaf
# New (kiosk12): needs review by a first-language Welsh speaker.
first-short = Tudalen 1
# New (kiosk12): needs review by a first-language Welsh speaker.
only-some-calls = Dim ond rhai o'r galwadau sydd yn Gymraeg hyd yn hyn. I'w gweld i gyd, dewiswch English.

## The replay: your path and the safer path
replay-part-first = Wrth eich dewis cyntaf, roedd rhywbeth mwy diogel i'w wneud.
replay-part =
    { $same ->
        [one] Roedd eich dewis cyntaf yr un fath â'r ffordd fwy diogel.
       *[other] Roedd eich { $same } dewis cyntaf yr un fath â'r ffordd fwy diogel.
    } Wrth ddewis { $at }, roedd rhywbeth mwy diogel i'w wneud.
replay-ended = Diwedd: { $title }.

## The quick check
check-offer-before = Cyn i chi ddechrau, hoffech chi gael prawf cyflym? Byddwch chi'n darllen chwe galwad fer. Ar gyfer pob un, dywedwch ai sgam yw hi neu alwad go iawn.
check-offer-after = Rydych chi wedi ymarfer rhai galwadau. Hoffech chi wneud y prawf cyflym eto? Gallwch chi ei gymharu â'ch tro cyntaf.
check-minutes = Mae'n cymryd tua thri munud.
check-minutes-aloud = O'i ddarllen yn uchel, mae'n cymryd tua { $minutes } munud.
# Changed (staff18): the explanation says which it was, so these no longer say it again; needs review by a first-language Welsh speaker.
check-answer-unsure = Fe ddywedoch chi y byddech chi'n gwirio yn gyntaf. Mae hynny bob amser yn ddiogel.
check-answer-right = Mae hynny'n gywir.
check-answer-wrong = Fe ddywedoch chi mai { $said ->
        [scam] sgam
       *[real] galwad go iawn
    } oedd hi.
check-you-got = Fe gawsoch chi { $right } o { $asked } yn gywir.
check-score = { $right } o { $asked } yn gywir
check-before-you-got = Cyn i chi ymarfer, fe gawsoch chi { $right } o { $asked } yn gywir{ $unsure ->
        [0] .
        [one] , ac unwaith fe ddywedoch chi y byddech chi'n gwirio yn gyntaf.
       *[other] , a { $unsure } gwaith fe ddywedoch chi y byddech chi'n gwirio yn gyntaf.
    }
check-you-named = Fe ddewisoch chi sgam neu alwad go iawn { $named } gwaith, a chael { $right } yn gywir.
check-ask-again = Nawr, ymarferwch rai galwadau. Yn nes ymlaen, byddwn ni'n cynnig y prawf eto, er mwyn i chi gymharu.
check-better = Fe gawsoch chi fwy yn gywir y tro hwn. Da iawn.
check-same = Yr un fath â'r tro o'r blaen. Mae ymarfer yn ei gadw'n ffres.
check-worse = Mae'n anodd gwahaniaethu rhwng rhai galwadau. Mae'r cam diogel yr un fath: rhowch y ffôn i lawr, a ffoniwch yn ôl ar rif rydych chi'n ymddiried ynddo.
check-unsure =
    { $n ->
        [one] Unwaith, fe ddywedoch chi y byddech chi'n gwirio yn gyntaf. Mae hynny bob amser yn ddiogel.
       *[other] { $n } gwaith, fe ddywedoch chi y byddech chi'n gwirio yn gyntaf. Mae hynny bob amser yn ddiogel.
    }

## Sut mae cyswllt newydd yn cyrraedd cam (adrodd). $from: rhif y galwr neu'r anfonwr, o'r alwad.
arrival-call = Mae eich ffôn yn canu.
arrival-call-from = Mae eich ffôn yn canu. Mae'r sgrin yn dangos: { $from }.
arrival-text = Mae neges destun yn cyrraedd.
arrival-text-from = Mae neges destun yn cyrraedd gan { $from }.
arrival-email = Mae e-bost yn cyrraedd.
arrival-email-from = Mae e-bost yn cyrraedd gan { $from }.
arrival-voice-note = Mae neges lais yn cyrraedd.
arrival-voice-note-from = Mae neges lais yn cyrraedd gan { $from }.
arrival-face-to-face = Rydych chi'n siarad wyneb yn wyneb.
arrival-face-to-face-from = Rydych chi'n siarad wyneb yn wyneb. Mae { $from } o'ch blaen chi.

## Y geiriau cyn llinell mewn trawsgrifiad. $who: enw o'r alwad.
label-says = Mae { $who } yn dweud:
label-you-think = Rydych chi'n meddwl:
label-message = Mae neges yn cyrraedd:
# Llinell yr ailchwarae ar gyfer dewis heb ei grynodeb ei hun. $text: geiriau'r dewis.
recap-you-chose = Fe ddewisoch chi: { $text }
