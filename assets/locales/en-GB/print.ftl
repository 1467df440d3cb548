# Printed sheets: the handout (`hangup handout`) and the role-play script
# (`hangup script`). Headings in capitals are made capitals by the program.

## The handout

handout-title = Hang up on scam calls
handout-intro = If a call, text or visit worries you:
# $region: e.g. "England, Wales and Northern Ireland".
handout-numbers = Numbers to know ({ $region })
handout-tricks = Tricks we practised spotting
handout-bank-number = My bank's number:
handout-someone = Someone I trust:
# $date: a date written out, e.g. "14 December 2026".
handout-practise-again = Practise again around { $date }.
handout-nothing = No practice has been saved on this computer yet. Try a call, then print this again.
handout-caught = Tricks that caught you out: worth practising again
handout-other = Other tricks you practised spotting
handout-spotted-since = You have spotted it since.
# $count: how many times one call was practised (2 or more).
handout-times = { $count ->
    [one] (once)
   *[other] ({ $count } times)
}
handout-practised = What you practised
# $date: the last day of practice, written out.
handout-practised-last = What you practised (the last time on { $date })
# $names: a list of trick names, e.g. "Pressure, Secrecy and Fake authority".
handout-also = Also: { $names }.
# $count: how many more calls were practised than are named.
handout-and-more = and { $count } more
# Joins the last two items of a list: "A, B and C".
list-and = and

## The role-play script

# $title: the call's title, in capitals.
script-title = ROLE-PLAY SCRIPT: { $title }
script-how = One person reads the CALLER lines aloud. Another person answers. The group helps choose. Then read out what the choice means.
# $name and $organisation: who the caller says they are.
script-caller = The caller says they are: { $name }, { $organisation }
# $number: the number shown on the phone's screen.
script-number = Number on the screen: { $number }
# $n: the part's number.
script-part = PART { $n }
script-you-think = YOU THINK:
script-message = A MESSAGE ARRIVES:
# $who: the speaker's name, in capitals.
script-says = { $who } SAYS:
script-what-would-you-do = WHAT WOULD YOU DO?
script-safer = A safer choice.
script-risky = A risky choice.
# $n: the part's number.
script-go-on = Go on to PART { $n }.
# $outcome: e.g. "You stayed safe."; $title: the ending's title.
script-call-ends = The call ends: { $outcome } { $title }
script-call-ends-plain = The call ends.
# For authors: the line the replay shows for this choice.
script-replay = Replay: { $recap }
# For authors: the facts this choice sets.
script-remembers = Remembers: { $facts }
# $part: "PART 3" or the ending.
script-second-time = The second time here, the call goes to { $part } instead.
# $title: an ending's title.
script-the-ending = the ending "{ $title }"
script-endings = HOW THE CALL CAN END
script-questions = QUESTIONS AFTER THE CALL
script-yes = Yes
script-no = No
# $said: the answer and why, e.g. "No. The police never collect cards."
script-answer = Answer: { $said }
script-what-to-do = WHAT TO DO IF THIS HAPPENS
# When a line or choice of a role-play script is used. $fact: a fact's name from the call.
script-only-when = only when "{ $fact }"
script-only-unless = only unless "{ $fact }"
script-only-second-visit = only on a second visit
script-only-first-visit = only on the first visit
