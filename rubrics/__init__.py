"""The rubrics shipped with readiness: data files, found through the package."""
