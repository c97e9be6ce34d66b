/** HTTP adapter for assignments. */
package lab.like.experiment.assignment.web;
