package uk.putitright.intake;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

@ActiveProfiles("test")
@TestPropertySource(properties = "putitright.test.database=putitright-api")
class ComplaintApiOnH2Test extends ComplaintApiEndToEndTest {
}
