import { paragraphSection, type ArticleDraft } from '../../domain/index.ts';

/**
 * The seed page (../shared/fixtures/crbc-security-article.txt) as a draft: the story every view and route test
 * renders, so the official anatomy check runs against the page a reader would see.
 */
export const SEED_DRAFT: ArticleDraft = {
  headline: "Iraq Says US Forces Have Withdrawn From Federal Territory; Troops Remain In Kurdistan",
  sectionName: 'Security',
  dek: null,
  summary:
    "Iraq announced that US forces have completed a full withdrawal from military sites within its federal territory, while US personnel remain in the Kurdistan Region. The last US advisers left Al-Asad Air Base in Anbar and coalition staff exited the Joint Operations Command, returning control to Iraqi forces. Baghdad says its armed forces can secure the country and that future cooperation with the US will focus on training, equipment and joint exercises. Coalition operations against ISIS will continue in Syria, with logistics expected to transit via Erbil.",
  lede: "Iraq’s government announced on Sunday that US forces have completed a full withdrawal from military facilities located within the country’s federal territory, while US personnel continue to operate in the semi-autonomous Kurdistan Region.",
  body: [
    paragraphSection("Last Units Leave Al-Asad", [
        "The Iraqi Ministry of Defense said the final contingent of US advisers departed Al-Asad Air Base in Anbar province, a site that hosted American forces for more than two decades. The US-led coalition that assisted Iraq against the Islamic State also left the Joint Operations Command headquarters, returning full control of those installations to Iraqi security forces. The ministry released video footage showing senior Iraqi commanders walking through now-empty corridors at Al-Asad.",
      ]),
    paragraphSection("Remaining U.S. Presence", [
        "US troops remain at Harir Air Base in Erbil province within the Kurdistan Region, which is an autonomous federal entity with its own government, parliament and security forces as recognized by the Iraqi constitution. Iraq’s central government does not exercise full authority over that region.",
      ]),
    paragraphSection("Official Confirmations", [
        "US Central Command told CNN that the Iraqi Ministry of Defense’s statement about the handover was factual, but provided no further operational details.",
      ]),
    paragraphSection("Background", [
        "The US military presence in Iraq has fluctuated since the 2003 invasion. At its peak, about 170,000 US troops were stationed in the country. In 2011, US forces withdrew; approximately 5,000 returned in 2014 at Baghdad’s request to help counter ISIS. Since the US announced the end of its combat mission in December 2021, roughly 2,500 personnel remained in an advise-and-assist role until this latest drawdown.",
      ]),
    paragraphSection("Security Context", [
        "Al-Asad has been a frequent target of attacks by Iran and Iran-backed armed groups. Notably, Iran launched a ballistic-missile strike on US forces at Al-Asad in January 2020 in retaliation for the killing of Qasem Soleimani. The base has also been struck by militias following regional escalations, and an attack in 2024 reportedly injured several US service members and contractors.",
      ]),
    paragraphSection("Political And Strategic Implications", [
        "Iraqi officials said the country’s armed forces across all branches now have sufficient capacity to secure Iraqi territory. Baghdad said future cooperation with the United States will focus on training, equipment procurement, joint exercises and operational coordination under bilateral agreements. While Iraq considers the coalition mission concluded on its soil, coalition operations against ISIS and other groups will continue in Syria, and Baghdad expects logistical support to transit through the coalition air base in Erbil. Officials did not rule out joint US–Iraqi counter-ISIS operations launched from Al-Asad if circumstances warrant.",
      ]),
    paragraphSection("Impact On Militias", [
        "The withdrawal could strengthen Baghdad’s negotiating position on disarming non-state armed groups. Several Iran-backed militias — including Kataib Hezbollah and Harakat al-Nujaba, both designated by the US as terrorist entities — have previously cited the American military presence as justification for retaining arms, and they have said they would only disarm once Iraq achieves full sovereignty, including the exit of foreign forces. There were no immediate public reactions from these groups to the announcement.",
      ]),
    paragraphSection("Outlook", [
        "The transfer marks a significant moment in Iraq’s efforts to assert sovereignty and reshape security partnerships. However, regional tensions, the influence of powerful militia networks and ongoing counter-ISIS operations in neighboring Syria mean the security and political landscape will remain complex.",
      ]),
  ],
  hero: {
    url: null,
    alt: "This aerial photo taken from a helicopter shows the Al-Asad air base in the western Anbar desert, Iraq on December 29, 2019.",
    caption: "This aerial photo taken from a helicopter shows the Al-Asad air base in the western Anbar desert, Iraq on December 29, 2019.",
    credit: "Nasser Nasser/AP/File",
  },
  byline: null,
  source: null,
  publishedAt: '2026-01-18T09:30:00.000Z',
};
