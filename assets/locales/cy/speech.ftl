# Beth mae'r llais (--speak) yn ei ddweud o gwmpas geiriau sgrin.
# Needs review by a first-language Welsh speaker before use.

speech-says = Mae { $who } yn dweud: { $words }
speech-they-say = Maen nhw'n dweud: { $words }
speech-message-says = Mae'r neges yn dweud: { $words }
speech-thought = Rydych chi'n meddwl: { $words }
# Ar ôl "pwyswch" mae'r allwedd yn treiglo: "pwyswch farc cwestiwn".
speech-press = { $label }: pwyswch { $key }.
speech-key-question-mark = farc cwestiwn
speech-key-range = { $from } i { $to }
speech-key-letter = y llythyren { $letter }
speech-pounds = { $pounds } punt
speech-pounds-pence = { $pounds } punt { $pence }
# Un bunt (needs review by a Welsh speaker).
speech-one-pound = { $pounds } punt
speech-one-pound-pence = { $pounds } punt { $pence }
# Modd grŵp: y dwylo o dan ddewis ("Dewis 2, 7 llaw").
speech-choice-hands = Dewis { $number }, { $hands }
# Cyn teipio digid: { $prompt } yw "Dwylo i fyny:" fel ar y sgrin.
speech-hands-none-yet = { $prompt } dim un eto
