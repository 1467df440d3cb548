# Sgriniau'r ciosg.
# Needs review by a first-language Welsh speaker before use.

kiosk-invitation = Cyffyrddwch â'r sgrin i ymarfer adnabod sgam ffôn.
kiosk-only-practice = Ymarfer yn unig yw hyn. Does dim byd amdanoch chi'n cael ei gadw.
kiosk-choose-language = I ddewis eich iaith, cyffyrddwch â Cymraeg neu English.
kiosk-still-there = Ydych chi yno o hyd?
kiosk-press-any = Cyffyrddwch â'r sgrin i fynd ymlaen.
# Mae enw ar ôl rhif yn unigol yn Gymraeg: "30 eiliad".
kiosk-starting-again = Yn dechrau eto mewn { $seconds } eiliad.
kiosk-staff-exit = Allanfa staff
kiosk-type-pin = Teipiwch y PIN, wedyn pwyswch Enter. Mae Esc yn mynd yn ôl.
kiosk-pin = PIN: { $stars }
kiosk-pin-wrong = Dydy'r PIN yna ddim yn iawn. Rhowch gynnig arall arni.
kiosk-pin-locked = Gormod o PINs anghywir. Mae'r allanfa wedi'i chloi.
kiosk-try-again-in = Rhowch gynnig arall arni ymhen { $seconds } eiliad.
