package org.tcentre.gdpr.declaration;

import java.util.List;

/** A declaration that cannot be evaluated, with every problem found, never just the first. */
public class InvalidDeclarationException extends Exception {

    private final List<DeclarationProblem> problems;

    public InvalidDeclarationException(List<DeclarationProblem> problems) {
        super(problems.size() + " problem(s) in the declaration: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public InvalidDeclarationException(DeclarationProblem problem) {
        this(List.of(problem));
    }

    public List<DeclarationProblem> problems() {
        return problems;
    }
}
