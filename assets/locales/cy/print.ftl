# Printed sheets: the handout (`hangup handout`) and the role-play script
# (`hangup script`). Headings in capitals are made capitals by the program.

## The handout

handout-title = Rhowch y ffôn i lawr ar alwadau sgam
handout-intro = Os yw galwad, neges destun neu ymweliad yn eich poeni:
handout-numbers = Rhifau i'w gwybod ({ $region })
handout-tricks = Triciau y buon ni'n ymarfer eu gweld
handout-bank-number = Rhif fy manc:
handout-someone = Rhywun rwy'n ymddiried ynddo:
handout-practise-again = Ymarferwch eto tua { $date }.
handout-nothing = Does dim ymarfer wedi'i gadw ar y cyfrifiadur hwn eto. Rhowch gynnig ar alwad, wedyn argraffwch hwn eto.
handout-caught = Triciau a'ch daliodd chi: gwerth eu hymarfer eto
handout-other = Triciau eraill y buoch chi'n ymarfer eu gweld
handout-spotted-since = Rydych chi wedi'i weld ers hynny.
handout-times = { $count ->
    [one] (unwaith)
   *[other] ({ $count } gwaith)
}
handout-practised = Beth wnaethoch chi ei ymarfer
handout-practised-last = Beth wnaethoch chi ei ymarfer (y tro diwethaf ar { $date })
handout-also = Hefyd: { $names }.
handout-and-more = a { $count } arall
list-and = a

## The role-play script

script-title = SGRIPT CHWARAE RÔL: { $title }
script-how = Mae un person yn darllen llinellau'r GALWR yn uchel. Mae person arall yn ateb. Mae'r grŵp yn helpu i ddewis. Wedyn darllenwch beth mae'r dewis yn ei olygu.
script-caller = Mae'r galwr yn dweud mai nhw yw: { $name }, { $organisation }
script-number = Y rhif ar y sgrin: { $number }
script-part = RHAN { $n }
script-you-think = RYDYCH CHI'N MEDDWL:
script-message = MAE NEGES YN CYRRAEDD:
script-says = MAE { $who } YN DWEUD:
script-what-would-you-do = BETH FYDDECH CHI'N EI WNEUD?
script-safer = Dewis mwy diogel.
script-risky = Dewis peryglus.
script-go-on = Ewch ymlaen i RAN { $n }.
script-call-ends = Mae'r alwad yn dod i ben: { $outcome } { $title }
script-call-ends-plain = Mae'r alwad yn dod i ben.
script-replay = Ailchwarae: { $recap }
script-remembers = Yn cofio: { $facts }
script-second-time = Yr ail dro yma, mae'r alwad yn mynd i { $part } yn lle hynny.
script-the-ending = y diwedd "{ $title }"
script-endings = SUT GALL YR ALWAD DDOD I BEN
script-questions = CWESTIYNAU AR ÔL YR ALWAD
script-yes = Ie
script-no = Na
script-answer = Ateb: { $said }
script-what-to-do = BETH I'W WNEUD OS BYDD HYN YN DIGWYDD
# Pryd mae llinell neu ddewis mewn sgript chwarae rôl yn cael ei ddefnyddio. $fact: enw ffaith o'r alwad.
script-only-when = dim ond pan fydd "{ $fact }"
script-only-unless = dim ond os nad yw "{ $fact }"
script-only-second-visit = dim ond ar yr ail ymweliad
script-only-first-visit = dim ond ar yr ymweliad cyntaf
