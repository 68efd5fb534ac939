"""Regression problems: the Huber loss, the regression data sets, R² metrics, the value map, and
the notes of pages that are for classification only."""

MESSAGES = {
    "loss.huber": "Squared error for small residuals (½r² while |r| ≤ δ = 1) and absolute error "
    "beyond (δ(|r| − ½δ)): outliers pull with a constant force instead of one that grows with "
    "them. For regression (a number as the target), as `torch.nn.HuberLoss()`.",
    "reg.note": "Regression: each point's target is a number (its colour), not a class. The "
    "network ends in one linear output unit, trained with MSE or Huber; R² replaces accuracy.",
    "reg.loss_changed": "The loss is now {loss}: {dataset} is a regression data set, and "
    "cross-entropy and hinge need classes.",
    "reg.loss.help": "For a regression data set only MSE and Huber apply: the other losses need "
    "classes.",
    "metric.train_r2": "Train R²",
    "metric.test_r2": "Test R²",
    "metric.test_mse": "Test MSE",
    "metric.r2.help": "R² = 1 − $SS_{res} / SS_{tot}$: 1 is a perfect fit, 0 is no better than "
    "predicting the mean, below 0 is worse.",
    "heatmap.title": "Predicted value",
    "chart.r2": "R²",
    "chart.best_r2": "best test R²",
    "chart.target_value": "target",
    "chart.predicted": "prediction",
    "heatmap.caption": "Background: the network's prediction over the plane (orange below 0, "
    "blue above, white at 0). Points: their target values on the same scale; a point that "
    "stands out from its background is predicted badly.",
    "reg.classification_only": "{page} is for classification: {dataset} is a regression data "
    "set (a number per point, not a class). Choose a classification data set such as moons in "
    "the sidebar to use it.",
    "diag.healthy.r2": "No problem found: the error signal δ reaching layer 1 is {ratio} of its "
    "size at the output (healthy between {low} and {high}). Test R²: {r2}.",
    "diag.healthy.one.r2": "No problem found. Test R²: {r2}.",
    "cmp.col.train_r2": "Train R²",
    "cmp.col.test_r2": "Test R²",
    "sw.metric.test_r2": "test R²",
    "sw.metric.train_r2": "train R²",
    "sw.col.test_r2": "Test R²",
    "sw.col.train_r2": "Train R²",
    "reg.cmp.no_classes": "A regression run predicts a number, not a class, so there is no map of "
    "where the two runs predict different classes: compare their predicted values below.",
    "reg.cmp.maps": "Predicted values",
    "reg.url.loss": "it does not fit the data set {dataset}, which takes {losses}",
    "sw.boundaries.r2": "Predicted values (first seed of each setting, with its test R²)",
}
