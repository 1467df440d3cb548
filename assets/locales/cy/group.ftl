# Geiriau'r modd grŵp (`hangup group`): sgriniau'r taflunydd, eu bysellau,
# a'r llais. Angen adolygiad gan siaradwr Cymraeg iaith gyntaf.

## Y rhes uchaf: lle mae'r sesiwn.
group-topic-plan = Sesiwn grŵp: cynllun heddiw
group-topic-end = Sesiwn grŵp: y diwedd
group-topic-call = Galwad { $at } o { $total }: { $title }
group-topic-question = Galwad { $at } o { $total }: { $title }. Cwestiwn { $n }
group-topic-check-before = Prawf cyflym cyn ymarfer: { $n } o { $of }
group-topic-check-after = Prawf cyflym ar ôl ymarfer: { $n } o { $of }
group-topic-check-before-result = Prawf cyflym cyn ymarfer: y canlyniad
group-topic-check-after-result = Prawf cyflym ar ôl ymarfer: y canlyniad
group-topic-check = Prawf cyflym

## Y pennawd: beth mae'r ystafell yn ei weld.
group-plan-title = Cynllun heddiw
group-ringing = Mae'r ffôn yn canu
group-message = Mae neges destun wedi cyrraedd
group-door = Mae rhywun wrth y drws
group-deciding-title = Beth fyddech chi'n ei wneud?
group-feedback-title = Beth mae'r dewis hwn yn ei olygu
group-ending-title = Sut daeth yr alwad i ben
group-check-title = Sgam neu alwad go iawn?
group-answer-title = Yr ateb
group-room-title = Sut gwnaeth yr ystafell
group-finished-title = Diolch am gymryd rhan
group-help-title = Os yw galwad yn eich poeni
group-stop-title = Stopio'r sesiwn?
group-skip-call-title = Hepgor yr alwad hon?
group-skip-check-title = Hepgor y prawf cyflym hwn?

## Y cynllun.
group-check-before = Prawf cyflym: cyn ymarfer
group-check-after = Prawf cyflym: ar ôl ymarfer
group-mark-now = Nawr
group-mark-today = Heddiw
group-mark-skip = Hepgor
group-mark-done = Wedi'i wneud
group-plan-row = { $mark }: { $title } ({ $minutes } munud)
group-plan-row-said = { $mark }: { $title }, { $minutes } munud
group-plan-calls = { $calls ->
    [one] 1 alwad
   *[other] { $calls } galwad
}
group-plan-calls-checks = { $calls ->
    [one] 1 alwad
   *[other] { $calls } galwad
} a { $checks ->
    [one] 1 prawf cyflym
   *[other] { $checks } prawf cyflym
}
group-plan-totals = { $what }: tua { $items } munud. Gyda { $welcome } munud i groesawu a chwestiynau: { $total } munud.
group-plan-suits = Mae sesiwn o 45 i 60 munud yn addas i'r rhan fwyaf o grwpiau.
group-plan-rows = Rhesi { $start } i { $end } o { $n }.
group-plan-rows-rest = Mae Up a Down yn dangos y gweddill.

## Galwad a'r prawf cyflym.
group-ask-room = Gofynnwch i'r ystafell: beth fyddech chi'n ei wneud?
group-ask-room-check = Gofynnwch i'r ystafell: ai sgam yw hwn, neu alwad go iawn?
group-room-said = Dywedodd yr ystafell:
group-hands = { $n ->
    [one] 1 llaw
   *[other] { $n } llaw
}
group-not-counted = heb ei gyfrif
group-hands-row = { $number }: { $hands }.
group-hands-row-marked = { $number }: { $hands } ({ $mark }).
group-mark-safer = mwy diogel
group-mark-risky = peryglus
group-mark-answer = yr ateb
# New (tidy17): "safe", not "right", as in check-unsure; needs review by a first-language Welsh speaker.
group-mark-careful = mae gwirio'n gyntaf bob amser yn ddiogel
group-hands-up = Dwylo i fyny: { $typed }
group-choice-said = { $number }: { $text }
# Changed (staff18): the explanation says which it was, so only the number here; needs review by a first-language Welsh speaker.
group-the-answer = Yr ateb yw rhif { $number }.

## Canlyniad yr ystafell.
group-result-shown = Mae'r holl atebion wedi'u dangos.
group-result-no-hands = Ni chafodd dwylo eu cyfrif, felly does dim sgôr y tro hwn.
group-result-room = Yr ystafell: { $right } o { $hands } llaw yn gywir ({ $percent }%).
# New (tidy17): "safe", not "right", as in check-unsure; needs review by a first-language Welsh speaker.
group-result-unsure = { $n ->
    [one] Dywedodd 1 llaw "Ddim yn siŵr: byddwn i'n gwirio'n gyntaf". Mae gwirio'n gyntaf bob amser yn ddiogel.
   *[other] Dywedodd { $n } llaw "Ddim yn siŵr: byddwn i'n gwirio'n gyntaf". Mae gwirio'n gyntaf bob amser yn ddiogel.
}
group-result-again-later = Nawr ymarferwch rai galwadau. Yn nes ymlaen, byddwn yn gofyn eto, i ddangos sut mae'r ystafell wedi newid.
group-result-before-after = Cyn ymarfer: { $was }%. Ar ôl ymarfer: { $now }%.
group-result-better = Sylwodd yr ystafell ar fwy y tro hwn. Da iawn.
group-result-same = Yr un fath â chynt. Mae ymarfer yn ei gadw'n ffres.
group-result-worse = Mae rhai galwadau'n anodd eu gwahaniaethu. Mae'r cam diogel yr un fath: rhowch y ffôn i lawr, a ffoniwch yn ôl ar rif rydych chi'n ei drystio.

## Y diwedd.
group-calls-done = Galwadau a ymarferwyd heddiw: { $n }
group-remember = Cofiwch: rhowch y ffôn i lawr, defnyddiwch ffôn arall, a ffoniwch rif rydych chi'n ei drystio.
group-how-many = I'r gwirfoddolwr: faint o bobl ddaeth?
group-people = Pobl: { $typed }
group-save-explain = Teipiwch y rhif, yna mae Enter yn cadw cofnod: dyddiad, munudau, galwadau, dwylo. Dim enwau.
group-saved-in = Wedi'i gadw. Mae'r cofnod yn { $path }
group-not-saved = Heb ei gadw: { $why }
group-no-folder = ni chafwyd ffolder i gadw ynddi

## Help, stopio, sgrin wag, nodiadau.
group-practice-only = Ymarfer yw hwn. Ni all roi cyngor am eich achos chi.
group-stop-question = Ydych chi eisiau stopio'r sesiwn?
group-no-go-on = Na, ymlaen
group-skip-call-question = Ydych chi eisiau hepgor gweddill yr alwad hon a mynd ymlaen i'r nesaf?
group-skip-check-question = Ydych chi eisiau hepgor gweddill y prawf cyflym hwn a mynd ymlaen i'r nesaf?
group-yes-skip = Ie, hepgor
group-blank = Sgrin wag. Pwyswch b i fynd ymlaen.
group-notes-title = Nodiadau i'r gwirfoddolwr (mae n yn eu cuddio)
group-no-notes = Dim nodiadau ar gyfer y rhan hon.
group-check-note-result = Sgôr yr ystafell yw hon, byth sgôr un person. Dim ond nifer y dwylo sy'n cael ei gadw, heb enwau.
group-check-note-ask = Darllenwch y geiriau'n uchel. Gofynnwch am ddwylo i fyny am sgam, yna galwad go iawn, yna ddim yn siŵr. Pwyswch t i deipio'r dwylo, yna dangoswch yr ateb.
group-check-note-scam = Gofynnwch: beth a'i datgelodd? Beth bynnag ddywedodd yr ystafell, mae'r cam diogel yr un fath: rhowch y ffôn i lawr, a ffoniwch rif rydych chi'n ei drystio.
group-check-note-genuine = Gofynnwch: beth sy'n gwneud hwn yn ddiogel? Ni ofynnon nhw am arian, PIN na chyfrinachau. Os oes amheuaeth, ffoniwch yn ôl ar rif rydych chi'n ei adnabod.

## Y bysellau, fel mae'r troedyn yn eu henwi.
group-cmd-move = Symud
group-cmd-in-out = Mewn/allan
group-cmd-order = Cynt/hwyrach
group-cmd-start = Dechrau
group-cmd-play-now = Chwarae nawr
group-cmd-skip-keep = Hepgor/cadw
group-cmd-back = Yn ôl
group-cmd-back-to-ending = Yn ôl i'r diwedd
group-cmd-back-to-result = Yn ôl i'r canlyniad
group-cmd-answer = Ateb
group-cmd-skip-call = Hepgor yr alwad
group-cmd-skip-check = Hepgor y prawf
group-cmd-skip-short = Hepgor
group-cmd-notes = Nodiadau
group-cmd-blank = Gwag
group-cmd-plan = Cynllun
group-cmd-reveal = Datgelu
group-cmd-hands = Dwylo
group-cmd-go-on-with = Ymlaen gyda { $n }
group-cmd-another = Un arall
group-cmd-next-call = Yr alwad nesaf
group-cmd-quick-check = Prawf cyflym
group-cmd-finish = Gorffen
group-cmd-next = Nesaf
group-cmd-the-result = Y canlyniad
group-cmd-type-hands = Teipiwch y dwylo
group-cmd-next-choice = Y dewis nesaf
group-cmd-previous = Blaenorol
group-cmd-delete = Dileu
group-cmd-done = Wedi gorffen
group-cmd-type-people = Teipiwch nifer y bobl
group-cmd-save = Cadw'r cofnod
group-cmd-try-again = Rhowch gynnig arall
group-cmd-close = Cau'r cerdyn

## Ffenestr nodiadau'r gwirfoddolwr (`hangup group --notes`).
# Cyfieithiad newydd, o eiriau Cymraeg sydd eisoes yn y ffeiliau lle bo modd:
# angen adolygiad gan siaradwr Cymraeg iaith gyntaf.
notes-sees-help = Y cerdyn help
notes-sees-stop = Y cwestiwn: stopio'r sesiwn?
notes-sees-blank = Sgrin wag
notes-sees-plan = Cynllun heddiw
notes-sees-end = Y diwedd: diolch am gymryd rhan
notes-sees-ringing = Mae'r ffôn yn canu
notes-sees-choice = Beth mae dewis { $n } yn ei olygu
notes-sees-question = Y cwestiwn: beth fyddech chi'n ei wneud?
notes-sees-ended = Sut daeth yr alwad i ben
notes-sees-check-result = Y prawf cyflym: sut gwnaeth yr ystafell
notes-sees-check-answer = Y prawf cyflym: yr ateb
notes-sees-check = Y prawf cyflym: sgam neu alwad go iawn?
notes-says = Mae { $who } yn dweud: { $says }
notes-caller = { $name }, { $organisation } ({ $number })
notes-saved = Wedi'i gadw. Mae'r cofnod wedi'i gadw.
notes-title = Nodiadau: { $place }
notes-title-waiting = Nodiadau i'r gwirfoddolwr
notes-room-sees = Mae'r ystafell yn gweld:
notes-not-started = Heb ddechrau. Yn y cynllun: tua { $planned } munud.
notes-time = Amser: { $minutes } o tua { $planned } munud.
notes-time-over = Amser: { $minutes } o tua { $planned } munud (dros y cynllun).
notes-next = Nesaf: { $next }. I ddod: { $items } eitem, tua { $minutes } munud.
notes-blank = Mae sgrin yr ystafell yn wag. Pwyswch b i fynd ymlaen.
notes-choices = Y dewisiadau:
notes-hands-typed = dwylo: { $typed }_
notes-revealed = Mae dewis { $n } ar sgrin yr ystafell. Mae Enter yn mynd ymlaen ohono.
notes-yours = Eich nodiadau:
notes-people = Pobl ddaeth: { $typed }_
notes-people-how = Teipiwch y rhif, yna mae Enter yn cadw'r cofnod. Dim enwau.
notes-waiting = Yn aros am sgrin yr ystafell.
notes-start-with = Dechreuwch y sesiwn mewn ffenestr arall gyda: hangup group
notes-follows = Mae'r ffenestr hon yn ei dilyn cyn gynted ag y bydd yn dechrau.
notes-cannot = Ni all: { $why }
notes-keys-intro = Mae'r bysellau'n gweithio ar yr ystafell:
notes-key-go-on = Ymlaen
notes-key-hands = Dwylo
notes-key-back = Yn ôl
notes-key-blank = Gwag
notes-key-close = Cau'r nodiadau

# A screen longer than the projector window (an ending, a reveal): its last
# row while there is more below, its first once scrolled down.
group-more-below = Mwy isod: pwyswch Down
group-more-above = Mwy uchod: pwyswch Up

# The after check's result, when the check before practice was cut short
# with s: the two are not compared.
group-result-before-cut = Cafodd y prawf cyn ymarfer ei stopio ar ôl { $done } o { $of } cwestiwn. Felly nid ydym yn cymharu'r ddau.

# Stopping keeps what was counted (under "Do you want to stop the session?").
group-stop-saves = Bydd yr hyn a gyfrifwyd hyd yma yn cael ei gadw, heb enwau.
# The end, after saving: typing again corrects the number of people.
group-cmd-correct-people = Teipiwch eto i gywiro'r rhif
group-correcting = Mae'r cofnod yn dweud { $was }. Teipiwch y rhif cywir, yna bydd Enter yn ei gadw yn lle hynny.
group-cmd-save-change = Cadw'r rhif newydd
