package uk.putitright.deployment;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/** A deployment the gate refuses; engine REST answers it 400 with every problem in the message. */
public class ModelRefusedException extends BadUserRequestException {

    private final transient List<ModelProblem> problems;

    ModelRefusedException(List<ModelProblem> problems) {
        super("The deployment was refused: " + problems.stream().map(ModelProblem::toString)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}
