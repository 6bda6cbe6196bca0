package se.samsyn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SamsynApplication {

    public static void main(String[] args) {
        SpringApplication.run(SamsynApplication.class, args);
    }
}
