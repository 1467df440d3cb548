# The words of group mode (`hangup group`): the projector screens a room
# sees, their keys, and speech (src/present/group_screens.rs).
# House style: plain British English, a reading age of about nine, at most
# 25 words a sentence, never blaming anyone in the room.

## The top row: where the session is.
group-topic-plan = Group session: today's plan
group-topic-end = Group session: the end
# $title: the call's title.
group-topic-call = Call { $at } of { $total }: { $title }
# $n: the question's number in this call (calls branch, so it is counted as reached).
group-topic-question = Call { $at } of { $total }: { $title }. Question { $n }
group-topic-check-before = Quick check before practice: { $n } of { $of }
group-topic-check-after = Quick check after practice: { $n } of { $of }
group-topic-check-before-result = Quick check before practice: the result
group-topic-check-after-result = Quick check after practice: the result
group-topic-check = Quick check

## The heading under it: what the room is looking at.
group-plan-title = Today's plan
group-ringing = The phone is ringing
group-message = A text message has arrived
group-door = Someone is at the door
group-deciding-title = What would you do?
group-feedback-title = What this choice means
group-ending-title = How the call ended
group-check-title = A scam or a real call?
group-answer-title = The answer
group-room-title = How the room did
group-finished-title = Thank you for taking part
group-help-title = If a call worries you
group-stop-title = Stop the session?
group-skip-call-title = Skip this call?
group-skip-check-title = Skip this quick check?

## The plan.
group-check-before = Quick check: before practice
group-check-after = Quick check: after practice
group-mark-now = Now
group-mark-today = Today
group-mark-skip = Skip
group-mark-done = Done
# $mark: Now, Today, Skip or Done; $title: the call's title.
group-plan-row = { $mark }: { $title } ({ $minutes } min)
# What speech says for a plan row: the minutes in words, with no brackets.
group-plan-row-said = { $mark }: { $title }, { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}
group-plan-calls = { $calls ->
    [one] 1 call
   *[other] { $calls } calls
}
group-plan-calls-checks = { $calls ->
    [one] 1 call
   *[other] { $calls } calls
} and { $checks ->
    [one] 1 quick check
   *[other] { $checks } quick checks
}
# $what: "3 calls and 2 quick checks".
group-plan-totals = { $what }: about { $items } minutes. With { $welcome } minutes for welcome and questions: { $total } minutes.
group-plan-suits = A session of 45 to 60 minutes suits most groups.
group-plan-rows = Rows { $start } to { $end } of { $n }.
group-plan-rows-rest = Up and Down show the rest.

## A call and the quick check.
group-ask-room = Ask the room: what would you do?
group-ask-room-check = Ask the room: is this a scam or a real call?
group-room-said = The room said:
group-hands = { $n ->
    [one] 1 hand
   *[other] { $n } hands
}
group-not-counted = not counted
# $number: the choice's number; $hands: "12 hands" or "not counted".
group-hands-row = { $number }: { $hands }.
# $mark: safer, risky or the answer.
group-hands-row-marked = { $number }: { $hands } ({ $mark }).
group-mark-safer = safer
group-mark-risky = risky
group-mark-answer = the answer
group-mark-careful = checking first is always safe
# While the volunteer types a count: $typed is the digits so far.
group-hands-up = Hands up: { $typed }
group-choice-said = { $number }: { $text }
# Above the explanation, which starts by saying which it was ("This is a
# scam."), so this gives only the number to look for.
group-the-answer = The answer is number { $number }.

## The room's result in a quick check.
group-result-shown = All the answers have been shown.
group-result-no-hands = No hands were counted, so there is no score this time.
group-result-room = The room: { $right } of { $hands } hands right ({ $percent }%).
# $n: hands up for "Not sure: I would check first": safe, never wrong, but
# not counted as right (they name no call), as in the quick check.
group-result-unsure = { $n ->
    [one] 1 hand said "Not sure: I would check first". Checking first is always safe.
   *[other] { $n } hands said "Not sure: I would check first". Checking first is always safe.
}
group-result-again-later = Now practise some calls. Later, we will ask again, to show how the room has changed.
group-result-before-after = Before practice: { $was }%. After practice: { $now }%.
group-result-better = The room spotted more this time. Well done.
group-result-same = The same as before. Practice keeps it fresh.
group-result-worse = Some calls are hard to tell apart. The safe step is the same: hang up, and call back on a number you trust.

## The end.
group-calls-done = { $n ->
    [one] Calls practised today: 1
   *[other] Calls practised today: { $n }
}
group-remember = Remember: hang up, use another phone, and call a number you trust.
group-how-many = For the volunteer: how many people came?
group-people = People: { $typed }
group-save-explain = Type the number, then Enter saves a record: date, minutes, calls, hands. No names.
# $path: where the file is.
group-saved-in = Saved. The record is in { $path }
group-not-saved = Not saved: { $why }
group-no-folder = no folder to save in was found

## Help, stopping, a blank screen, notes.
group-practice-only = This is practice. It cannot give advice about your own case.
group-stop-question = Do you want to stop the session?
group-no-go-on = No, go on
group-skip-call-question = Do you want to skip the rest of this call and go on to the next?
group-skip-check-question = Do you want to skip the rest of this quick check and go on to the next?
group-yes-skip = Yes, skip it
group-blank = Blank screen. Press b to go on.
group-notes-title = Notes for the volunteer (n hides them)
group-no-notes = No notes for this part.
group-check-note-result = The score belongs to the room, never to one person. Only the numbers of hands are saved, with no names.
group-check-note-ask = Read the words aloud. Ask for hands up for a scam, then a real call, then not sure. Press t to type the hands, then show the answer.
group-check-note-scam = Ask: what gave it away? Whatever the room said, the safe step is the same: hang up, and call a number you trust.
group-check-note-genuine = Ask: what makes this one safe? They asked for no money, no PIN and no secrets. If in doubt, call back on a number you know.

## The keys, as the footer names them.
group-cmd-move = Move
group-cmd-in-out = In/out
group-cmd-order = Earlier/later
group-cmd-start = Start
group-cmd-play-now = Play now
group-cmd-skip-keep = Skip/keep
group-cmd-back = Back
# On the first screen of the next call: Esc goes back to the last one's ending (or a quick check's result).
group-cmd-back-to-ending = Back to the ending
group-cmd-back-to-result = Back to the result
group-cmd-answer = Answer
group-cmd-skip-call = Skip call
group-cmd-skip-check = Skip check
group-cmd-skip-short = Skip
group-cmd-notes = Notes
group-cmd-blank = Blank
group-cmd-plan = Plan
group-cmd-reveal = Reveal
group-cmd-hands = Hands
group-cmd-go-on-with = Go on with { $n }
group-cmd-another = Another
group-cmd-next-call = Next call
group-cmd-quick-check = Quick check
group-cmd-finish = Finish
group-cmd-next = Next
group-cmd-the-result = The result
group-cmd-type-hands = Type the hands
group-cmd-next-choice = Next choice
group-cmd-previous = Previous
group-cmd-delete = Delete
group-cmd-done = Done
group-cmd-type-people = Type the number of people
group-cmd-save = Save the record
group-cmd-try-again = Try again
group-cmd-close = Close the card

## The volunteer's notes window (`hangup group --notes`, src/group/notes.rs).
# What the room is looking at, in a few words.
notes-sees-help = The help card
notes-sees-stop = The question: stop the session?
notes-sees-blank = A blank screen
notes-sees-plan = Today's plan
notes-sees-end = The end: thank you for taking part
notes-sees-ringing = The phone is ringing
# $n: the choice's number.
notes-sees-choice = What choice { $n } means
notes-sees-question = The question: what would you do?
notes-sees-ended = How the call ended
notes-sees-check-result = The quick check: how the room did
notes-sees-check-answer = The quick check: the answer
notes-sees-check = The quick check: a scam or a real call?
# $who: who speaks; $says: their words.
notes-says = { $who } says: { $says }
# The caller as they say they are: $organisation already has no capital after the comma.
notes-caller = { $name }, { $organisation } ({ $number })
notes-saved = Saved. The record is kept.
notes-title = Notes: { $place }
notes-title-waiting = Notes for the volunteer
notes-room-sees = The room sees:
notes-not-started = Not started. Planned: about { $planned } minutes.
notes-time = Time: { $minutes } of about { $planned } minutes.
notes-time-over = Time: { $minutes } of about { $planned } minutes (over the plan).
notes-next = Next: { $next }. Still to come: { $items ->
    [one] 1 item
   *[other] { $items } items
}, about { $minutes } minutes.
notes-blank = The room's screen is blank. Press b to bring it back.
notes-choices = The choices:
# While hands are typed for a choice: $typed is the digits so far.
notes-hands-typed = hands: { $typed }_
notes-revealed = Choice { $n } is on the room's screen. Enter goes on from it.
notes-yours = Your notes:
notes-people = People who came: { $typed }_
notes-people-how = Type the number, then Enter saves the record. No names.
notes-waiting = Waiting for the room view.
notes-start-with = Start the session in another window with: hangup group
notes-follows = This window follows it as soon as it starts.
notes-cannot = It cannot: { $why }
notes-keys-intro = Keys act on the room:
notes-key-go-on = Go on
notes-key-hands = Hands
notes-key-back = Back
notes-key-blank = Blank
notes-key-close = Close notes

# A screen longer than the projector window (an ending, a reveal): its last
# row while there is more below, its first once scrolled down.
group-more-below = More below: press Down
group-more-above = More above: press Up

# The after check's result, when the check before practice was cut short
# with s: the two are not compared.
group-result-before-cut = The check before practice was stopped after { $done } of { $of } questions. So we do not compare the two.

# Stopping keeps what was counted (under "Do you want to stop the session?").
group-stop-saves = What was counted so far will be saved, with no names.
# The end, after saving: typing again corrects the number of people.
group-cmd-correct-people = Type again to correct the number
group-correcting = The record says { $was }. Type the right number, then Enter saves it instead.
group-cmd-save-change = Save the new number
