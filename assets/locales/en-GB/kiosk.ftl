# The kiosk's own screens (src/kiosk/screens.rs): the invitation, the idle
# question and the staff exit.

kiosk-invitation = Touch the screen to practise spotting a phone scam.
kiosk-only-practice = It is only practice. Nothing about you is kept.
# Below it, two blocks to touch: "Cymraeg" and "English" (the keys c and e work too, for staff).
kiosk-choose-language = To choose your language, touch Cymraeg or English.
kiosk-still-there = Are you still there?
kiosk-press-any = Touch the screen to carry on.
# $seconds: a countdown, 30 to 1.
kiosk-starting-again =
    { $seconds ->
        [one] Starting again in { $seconds } second.
       *[other] Starting again in { $seconds } seconds.
    }
kiosk-staff-exit = Staff exit
kiosk-type-pin = Type the PIN, then press Enter. Esc goes back.
# $stars: one * for each digit typed.
kiosk-pin = PIN: { $stars }
kiosk-pin-wrong = That PIN is not right. Try again.
kiosk-pin-locked = Too many wrong PINs. The exit is locked.
# $seconds: how long until a PIN can be tried again.
kiosk-try-again-in =
    { $seconds ->
        [one] Try again in { $seconds } second.
       *[other] Try again in { $seconds } seconds.
    }
