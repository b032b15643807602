package uk.putitright.reports;

import java.util.List;
import java.util.Optional;

/**
 * One provision of the Housing Ombudsman's Complaint Handling Code (in force 1 April 2024): its number as the
 * Code numbers it, what it asks in our own short words, and how Put It Right assesses it.
 */
public record CodeProvision(String number, int section, String requirement, Assessment assessment) {

    /** How a provision is assessed. */
    public enum Assessment {
        /** From the deployed DMN, BPMN, forms and letter templates. */
        POLICY,
        /** From the complaint records and history over a period. */
        PRACTICE,
        /** From evidence a complaints officer writes. */
        MANUAL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final List<String> SECTIONS = List.of(
            "Definition of a complaint", "Exclusions", "Accessibility and awareness", "Complaint handling staff",
            "The complaint handling process", "Complaint stages", "Putting things right",
            "Self-assessment, reporting and compliance", "Scrutiny and oversight: continuous learning and improvement");

    public String sectionTitle() {
        return SECTIONS.get(section - 1);
    }

    public static Optional<CodeProvision> find(String number) {
        return CODE_2024.stream().filter(p -> p.number.equals(number)).findFirst();
    }

    private static CodeProvision p(String number, String requirement, Assessment assessment) {
        return new CodeProvision(number, Integer.parseInt(number.substring(0, number.indexOf('.'))), requirement,
                assessment);
    }

    private static final Assessment POLICY = Assessment.POLICY;
    private static final Assessment PRACTICE = Assessment.PRACTICE;
    private static final Assessment MANUAL = Assessment.MANUAL;

    /** The Code's "must" provisions, sections 1 to 9, in the Code's order. */
    public static final List<CodeProvision> CODE_2024 = List.of(
            p("1.2", "Define a complaint as the Code does: any expression of dissatisfaction, however made, about the"
                    + " landlord's service, actions or lack of action.", MANUAL),
            p("1.3", "Treat dissatisfaction as a complaint without the word 'complaint', give the resident the choice"
                    + " to complain, and handle a representative's complaint under the same policy.", POLICY),
            p("1.4", "Tell service requests from complaints; record, monitor and review service requests.", MANUAL),
            p("1.5", "Raise a complaint when a resident is unhappy with the response to a service request, and keep"
                    + " working on the request.", MANUAL),
            p("1.6", "A survey is not a complaint, but tell residents who give feedback how to complain.", MANUAL),
            p("2.1", "Accept a complaint unless there is a valid reason not to, and be able to evidence it.", MANUAL),
            p("2.2", "Set out in the policy the fair and reasonable circumstances in which a matter will not be"
                    + " considered or escalated.", MANUAL),
            p("2.3", "Accept complaints within 12 months of the issue or of the resident becoming aware of it.",
                    MANUAL),
            p("2.4", "When not accepting a complaint, explain why in detail and tell the resident of the right to take"
                    + " that decision to the Ombudsman.", MANUAL),
            p("2.5", "Take no blanket approach to excluding complaints: consider each one on its own circumstances.",
                    MANUAL),
            p("3.1", "Make complaining easy through several channels, and anticipate the reasonable adjustments the"
                    + " Equality Act 2010 calls for.", MANUAL),
            p("3.2", "Residents can complain in any way and to any member of staff, who passes it on.", MANUAL),
            p("3.3", "Do not see a high volume of complaints as negative; a low volume may show residents cannot"
                    + " complain easily.", MANUAL),
            p("3.4", "Publish the complaints policy on the website in a clear, accessible format with the two stages"
                    + " and their timescales.", MANUAL),
            p("3.5", "Explain how the policy, the Ombudsman and the Code are publicised.", MANUAL),
            p("3.6", "Let residents have a representative deal with their complaint and accompany them.", POLICY),
            p("3.7", "Tell residents of their right to go to the Ombudsman and how to engage with it.", POLICY),
            p("4.1", "Name a person or team (the complaints officer) responsible for complaint handling, Ombudsman"
                    + " liaison and reporting to the governing body.", MANUAL),
            p("4.2", "The complaints officer has access to staff at all levels and the authority to resolve disputes"
                    + " promptly and fairly.", MANUAL),
            p("4.3", "Prioritise complaint handling, train relevant staff and resource it as a core service.", MANUAL),
            p("5.1", "One policy for complaints under the Code; residents who complain are not treated differently.",
                    MANUAL),
            p("5.2", "No extra named stages (such as 'stage 0' or an informal complaint) before Stage 1.", POLICY),
            p("5.3", "No more than two stages: a longer process delays access to the Ombudsman.", POLICY),
            p("5.4", "A third party handling complaints does so within the landlord's two stages.", MANUAL),
            p("5.5", "The landlord makes sure third parties handle complaints in line with the Code.", MANUAL),
            p("5.6", "When logging at Stage 1 or escalating to Stage 2, set out the understanding of the complaint and"
                    + " the outcome the resident wants.", POLICY),
            p("5.7", "Be clear which parts of the complaint the landlord is and is not responsible for.", MANUAL),
            p("5.8", "Complaint handlers act on the merits, independently, with an open mind, hear the resident, deal"
                    + " with conflicts of interest and weigh all the evidence.", MANUAL),
            p("5.9", "Where a response will be outside the Code's timescales, agree intervals for keeping the resident"
                    + " informed.", MANUAL),
            p("5.10", "Make reasonable adjustments under the Equality Act 2010 and keep a record of them.", MANUAL),
            p("5.11", "Do not refuse to escalate a complaint through all stages without a valid reason; set the reasons"
                    + " out clearly, in line with section 2.", PRACTICE),
            p("5.12", "Keep a full record of each complaint and its outcome at each stage.", PRACTICE),
            p("5.13", "A complaint can be remedied at any stage.", POLICY),
            p("5.14", "Have policies for managing unacceptable behaviour by residents or their representatives.",
                    MANUAL),
            p("5.15", "Any restriction on contact is proportionate and has regard to the Equality Act 2010.", MANUAL),
            p("6.1", "Consider which complaints can be answered early and which need investigation, weighing"
                    + " complexity and vulnerability.", MANUAL),
            p("6.2", "Acknowledge, define and log a Stage 1 complaint within 5 working days of receipt.", POLICY),
            p("6.3", "Give the full Stage 1 response within 10 working days of the acknowledgement.", POLICY),
            p("6.4", "Any Stage 1 extension is no more than 10 working days without good reason, explained to the"
                    + " resident.", POLICY),
            p("6.5", "A resident told of an extension is given the Ombudsman's contact details.", POLICY),
            p("6.6", "Respond when the answer is known, not when the actions are done; track the outstanding actions.",
                    POLICY),
            p("6.7", "Address every point raised and give clear reasons for each decision.", MANUAL),
            p("6.8", "Include new issues raised before the Stage 1 response, or log them as a new complaint.", MANUAL),
            p("6.9", "The Stage 1 response states the stage, the decision, the reasons, any remedy, outstanding actions"
                    + " and how to escalate to Stage 2.", POLICY),
            p("6.10", "A complaint not resolved to the resident's satisfaction at Stage 1 goes to Stage 2, the final"
                    + " response.", POLICY),
            p("6.11", "Acknowledge, define and log a Stage 2 request within 5 working days of receipt.", POLICY),
            p("6.12", "Residents are not required to explain why they ask for Stage 2.", POLICY),
            p("6.13", "The person considering Stage 2 is not the person who considered Stage 1.", POLICY),
            p("6.14", "Give the Stage 2 response within 20 working days of the Stage 2 acknowledgement.", POLICY),
            p("6.15", "Any Stage 2 extension is no more than 20 working days without good reason, explained to the"
                    + " resident.", POLICY),
            p("6.16", "A resident told of a Stage 2 extension is given the Ombudsman's contact details.", POLICY),
            p("6.17", "Respond at Stage 2 when the answer is known; track the outstanding actions.", POLICY),
            p("6.18", "Address every point raised at Stage 2 and give clear reasons for each decision.", MANUAL),
            p("6.19", "The Stage 2 response states the stage, the decision, the reasons, any remedy, outstanding actions"
                    + " and how to go to the Ombudsman.", POLICY),
            p("6.20", "Stage 2 is the landlord's final response, given by someone with the authority to resolve the"
                    + " complaint.", POLICY),
            p("7.1", "Put things right with the remedies the Code lists (apology, action, compensation and so on).",
                    MANUAL),
            p("7.2", "A remedy reflects the impact on the resident and is offered in full.", MANUAL),
            p("7.3", "The remedy offer says what will happen and by when (agreed with the resident where appropriate),"
                    + " and the remedy is followed through to completion.", PRACTICE),
            p("7.4", "Take the Ombudsman's remedies guidance into account.", MANUAL),
            p("8.1", "Produce an annual complaints performance and service improvement report with this"
                    + " self-assessment and the governing body's response.", POLICY),
            p("8.2", "Report it to the governing body and publish it, with the governing body's response, on the"
                    + " website.", MANUAL),
            p("8.3", "Carry out a self-assessment after a significant restructure, merger or change of procedure.",
                    POLICY),
            p("8.4", "Tell the Ombudsman and residents if exceptional circumstances stop the landlord complying.",
                    MANUAL),
            p("9.1", "Look beyond the single complaint: consider what service improvements its learning allows.",
                    PRACTICE),
            p("9.2", "Use complaints as a source of intelligence to find issues and change service delivery.", MANUAL),
            p("9.3", "Report wider learning and improvements from complaints back to residents' panels, staff and"
                    + " committees.", MANUAL),
            p("9.4", "A suitably senior lead person is accountable for complaint handling and assesses themes and"
                    + " trends for systemic issues, risks and policies to revise.", MANUAL),
            p("9.5", "A member of the governing body is appointed Member Responsible for Complaints (MRC), to lead a"
                    + " positive complaint-handling culture.", MANUAL),
            p("9.6", "The MRC makes sure the governing body gets regular insight into complaint-handling performance,"
                    + " with the information and staff the role needs.", MANUAL),
            p("9.7", "The MRC and governing body receive at least: volumes, categories and outcomes of complaints with"
                    + " handling performance, including compliance with the Ombudsman's orders; reviews of issues and"
                    + " trends; the outcomes of Ombudsman investigations; the annual report.", MANUAL),
            p("9.8", "Relevant staff and third parties have a standard objective on complaint handling (working"
                    + " together, collective responsibility, professional standards).", MANUAL));
}
