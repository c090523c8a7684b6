namespace CoalitionBot.Documents.Tests.Some;

/// <summary>A realistic sign-on memo of about 2,000 words, written for these tests.</summary>
internal static class SampleMemo
{
    public const string Title = "Memo to the Secretary of State: Human Rights Conditions on Military Aid";

    public const string Addressee = "The Honorable Secretary of State, U.S. Department of State";

    public static string Markdown => Text;

    /// <summary>A second version: §3 reworded, a new recommendation added, the paragraph on training removed.</summary>
    public static string RevisedMarkdown => Text
        .Replace(TrainingParagraph + "\n\n", string.Empty, StringComparison.Ordinal)
        .Replace("We write as a coalition of", "We write as a broad coalition of", StringComparison.Ordinal)
        .Replace("credible allegations brought", "credible and documented allegations brought", StringComparison.Ordinal)
        .Replace("twenty-four months", "thirty-six months", StringComparison.Ordinal)
        .Replace("## Our recommendations\n\n", "## Our recommendations\n\n" + NewParagraph + "\n\n", StringComparison.Ordinal);

    private const string NewParagraph =
        "Before any further transfer is notified to Congress, the Department should publish the criteria it applies, so that partners and the public can see how each determination was reached.";

    private const string TrainingParagraph =
        "Training programmes, while valuable, are not a substitute for accountability. Over the past decade the Department has funded human rights modules for thousands of officers, yet the units that received the most training are also the units named most often in credible allegations of abuse. Training without consequences teaches only that consequences are unlikely.";

    private const string Text = """
# Memo to the Secretary of State

**From:** the undersigned organisations  
**Re:** Human rights conditions on military assistance and arms transfers  
**Date:** 28 November 2026

## Purpose

We write as a coalition of human rights, humanitarian, faith-based and development organisations to urge you to apply, consistently and transparently, the human rights conditions that United States law already places on military assistance and arms transfers. We ask for specific steps, set out below, that the Department can take **within existing authorities** and without new legislation.

Our organisations work in more than sixty countries. Many of us have staff and partners who document abuses by security forces that receive U.S. assistance, and who have themselves been threatened for doing so. We offer this memo in a spirit of partnership: we share the goal of security assistance that strengthens, rather than undermines, the rule of law.

## Background

Section 502B of the Foreign Assistance Act and the laws commonly known as the *Leahy laws* prohibit assistance to units of foreign security forces where there is credible information that the unit has committed a gross violation of human rights. The [Conventional Arms Transfer Policy](https://www.state.gov/conventional-arms-transfer-policy/) adopted in 2023 states that the United States will not authorise transfers where it is *more likely than not* that the arms will be used to commit or facilitate serious violations of international humanitarian law or international human rights law.

These standards are sound. The problem is not the law but its application. In our experience, and in the findings of the Government Accountability Office, vetting is uneven, determinations are rarely made public, and credible allegations brought by civil society often receive no response at all.

Three patterns concern us in particular:

1. **Incomplete vetting.** Units are vetted against records that are months out of date, and information submitted by local organisations is not always entered into the vetting database.
2. **Remediation without evidence.** Units that were found ineligible have been restored to eligibility on the basis of assurances rather than demonstrated accountability, such as prosecutions or dismissals.
3. **Opaque determinations.** Neither Congress nor the public can see how the "more likely than not" standard is applied to a given transfer, which makes meaningful oversight impossible.

Training programmes, while valuable, are not a substitute for accountability. Over the past decade the Department has funded human rights modules for thousands of officers, yet the units that received the most training are also the units named most often in credible allegations of abuse. Training without consequences teaches only that consequences are unlikely.

## What we have documented

Between January 2024 and September 2026, member organisations of this coalition documented incidents in several countries that receive significant U.S. security assistance. The incidents include:

- extrajudicial killings during counter-narcotics and counter-terrorism operations;
- enforced disappearances of human rights defenders, journalists and community leaders;
- torture and other ill-treatment in detention, including of children;
- indiscriminate attacks in populated areas, including with munitions of U.S. origin; and
- attacks on humanitarian workers and the obstruction of humanitarian access.

In a number of these cases our partners submitted detailed information, including witness statements, photographs and geolocation data, to U.S. embassies. In most cases they received an acknowledgement and nothing more. In some cases, units implicated in the incidents continued to receive training and equipment in the months that followed.

We do not ask the Department to take our findings on trust. We ask that it *examine* them, through the processes the law already requires, and that it tell those who submitted information what happened to it.

## Why this matters now

Arms transfers are among the most consequential foreign policy decisions the United States makes. Weapons outlast the governments that receive them, and the harm done with them is felt for generations. When transfers go ahead despite credible evidence of abuse, three things follow.

First, the United States becomes exposed to complicity in violations of international law, with legal and reputational consequences that undercut its diplomacy. Second, the security forces concerned learn that abuses carry no cost, which makes further abuses more likely. Third, the civilians who bear the harm, and the local organisations that document it, lose faith that the United States means what it says about human rights.

Conversely, consistent application of the law is one of the most effective tools the United States has. Where assistance has been withheld from abusive units, and the reason made clear, we have seen governments investigate, prosecute and reform. The law works when it is used.

## Our recommendations

We respectfully urge you to take the following steps.

1. **Strengthen vetting.**
   - Require that every vetting decision consider information submitted by civil society in the preceding twenty-four months.
   - Establish a secure, public channel through which local organisations can submit information about specific units, with a confirmation of receipt and a reference number.
   - Fund additional vetting staff at the embassies with the largest assistance portfolios.
2. **Make remediation real.**
   - Restore eligibility only where the government concerned has taken *effective steps* to bring those responsible to justice, as the law requires.
   - Publish an annual, unclassified summary of remediation decisions and the evidence on which they rest.
3. **Apply the arms transfer policy transparently.**
   - Issue written determinations, with an unclassified summary, for every transfer to a country where credible allegations of serious violations are pending.
   - Notify Congress of any transfer approved despite such allegations, with the Department's reasons.
4. **Listen to affected communities.**
   - Hold regular consultations with civil society, including organisations from the countries concerned, on the implementation of these policies.
   - Protect those who come forward: treat the identities of sources as confidential and raise any reprisals at the highest level.

None of these steps requires new legislation. Each is within the Department's existing authority, and several reflect commitments the Department has already made in public.

## Transparency and reporting

We also ask the Department to improve the information it makes available to Congress and the public. The annual *Country Reports on Human Rights Practices* remain an invaluable resource, but they are not linked to decisions about assistance. A reader cannot tell from them whether a unit named for abuses continues to receive U.S. support.

We recommend that the Department publish, at least annually:

- the number of units vetted, found ineligible and restored to eligibility, by country;
- the number of civil society submissions received and the number that led to a finding of ineligibility;
- a list of transfers approved under the exception procedures of the Conventional Arms Transfer Policy; and
- the timelines within which the Department responds to credible allegations.

Publishing these figures would cost little and would greatly strengthen confidence that the law is being applied as Congress intended. It would also help the Department itself to identify where its processes fall short.

## Engagement with Congress

Congress has a central role in overseeing military assistance and arms transfers, and several committees have asked for better information. We encourage the Department to brief the relevant committees regularly on the implementation of the Leahy laws and Section 502B, and to respond promptly to requests for information about specific cases.

Where Congress has placed holds on particular transfers pending answers to questions about their human rights implications, we urge the Department to answer those questions fully before seeking to lift the holds. Oversight is strengthened, not weakened, when the executive branch engages with it.

## Conclusion

The United States has built, over five decades, a body of law designed to ensure that its military assistance does not contribute to gross violations of human rights. That body of law is a source of strength. Applying it consistently would protect civilians, strengthen the rule of law in partner countries, and reinforce the credibility of U.S. diplomacy.

We would welcome the opportunity to meet with you or your staff to discuss these recommendations. Please contact the coordinating organisation at [coalition@example.org](mailto:coalition@example.org) or through the coalition's page at <https://coalition.example.org/military-aid>.

Respectfully,

*The undersigned organisations*

---

### Annex: Legal framework

The principal provisions referred to in this memo are:

- **Section 502B** of the Foreign Assistance Act of 1961, which provides that no security assistance may be provided to any country the government of which engages in a consistent pattern of gross violations of internationally recognised human rights, except in extraordinary circumstances;
- **Section 620M** of the Foreign Assistance Act and **10 U.S.C. 362**, together known as the Leahy laws, which prohibit assistance to units where there is credible information of a gross violation of human rights;
- the **Arms Export Control Act**, which governs the sale and export of defence articles and services and provides for congressional review of major sales; and
- the **Conventional Arms Transfer Policy** of February 2023, which sets out the factors the executive branch considers in deciding whether to authorise a transfer.

Guidance on the Leahy vetting process is published by the Bureau of Democracy, Human Rights, and Labor at [state.gov](https://www.state.gov/key-topics-bureau-of-democracy-human-rights-and-labor/human-rights/leahy-law-fact-sheet/). The Government Accountability Office has reviewed the implementation of these laws in several reports, most recently recommending improvements to the way the Department records and acts on information received from civil society.

### Annex: Method

The incidents summarised in this memo were documented by member organisations using their own established methodologies, which typically involve interviews with survivors and witnesses, review of medical and forensic records, analysis of photographs, video and satellite imagery, and the identification of weapons remnants. Where an incident is attributed to a particular unit, the attribution rests on at least two independent sources. Detailed case files are available to Department officials on request, subject to the consent of those who provided information and to measures that protect their safety.

We have not included in this memo the names of individual survivors or witnesses, nor details that could identify them. Several of the people who provided information to our members have been threatened or detained since doing so. We ask that any follow-up by the Department take their safety into account and be coordinated with the organisation that documented the case.

### Annex: Questions we ask the Department to answer

To make our concerns concrete, we set out the questions we hope the Department will answer in writing within ninety days of receiving this memo. We would be glad to discuss any of them with the relevant offices.

1. How many submissions from civil society organisations did the Department receive through embassies in each of the last three fiscal years, and how many of them were entered into the vetting database?
2. In how many cases did information submitted by civil society lead to a finding that a unit was ineligible for assistance, and in how many of those cases was eligibility later restored?
3. What evidence does the Department require before it concludes that a foreign government has taken *effective steps* to bring those responsible to justice?
4. Which transfers, if any, were approved during the last fiscal year despite pending credible allegations of serious violations, and on what grounds?
5. What steps does the Department take to protect people who provide information about abuses from reprisals, and how are reprisals reported and followed up?

We recognise that some answers may involve classified information. Where that is the case, we ask that the Department provide an unclassified summary and brief the relevant congressional committees in full.

### Annex: About this coalition

The organisations that have signed this memo include international human rights and humanitarian organisations, national advocacy groups in the United States and elsewhere, faith-based organisations of several traditions, and local and community organisations in countries that receive U.S. security assistance. They differ in mandate, size and approach, but they share a conviction that the security of people and the security of states depend on respect for human rights and the rule of law.

The coalition does not accept funding from any government for its joint advocacy. Each organisation signs in its own name and speaks only for itself; the listing of an organisation does not imply that it endorses every statement made by every other signatory. Questions about this memo, and requests for the case files referred to above, may be addressed to the coordinating organisation.
""";
}
