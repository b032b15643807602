package uk.putitright.deployment;

/** Why a model is refused: the resource (file), the element (its id, or "" for the whole file) and the reason. */
public record ModelProblem(String resource, String element, String message) {

    @Override
    public String toString() {
        return resource + (element.isEmpty() ? "" : " " + element) + ": " + message;
    }
}
