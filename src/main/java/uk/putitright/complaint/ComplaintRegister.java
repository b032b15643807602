package uk.putitright.complaint;

import java.time.Year;
import java.time.ZoneId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores new complaints and gives each its reference, e.g. CHG-2026-000042. */
@Service
public class ComplaintRegister {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final ComplaintRepository complaints;
    private final LandlordProperties landlords;

    public ComplaintRegister(ComplaintRepository complaints, LandlordProperties landlords) {
        this.complaints = complaints;
        this.landlords = landlords;
    }

    @Transactional
    public Complaint register(Complaint complaint) {
        // persist draws the number from the sequence, so the reference is set before the insert is flushed
        complaints.save(complaint);
        String prefix = landlords.get(complaint.getLandlord()).referencePrefix();
        int year = Year.from(complaint.getReceivedAt().atZone(UK)).getValue();
        complaint.assignReference(String.format("%s-%d-%06d", prefix, year, complaint.getId()));
        return complaint;
    }

    @Transactional(readOnly = true)
    public Complaint find(String reference) {
        return complaints.findByReference(reference).orElseThrow(() -> new ComplaintNotFoundException(reference));
    }
}
