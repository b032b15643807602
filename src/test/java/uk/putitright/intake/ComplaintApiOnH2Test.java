package uk.putitright.intake;

import org.springframework.test.context.ActiveProfiles;

@ActiveProfiles("test")
class ComplaintApiOnH2Test extends ComplaintApiEndToEndTest {
}
