package uk.putitright;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PutItRightApplication {

    public static void main(String[] args) {
        SpringApplication.run(PutItRightApplication.class, args);
    }
}
