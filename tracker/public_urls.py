from django.urls import path

from . import views

app_name = "tracker"
urlpatterns = [
    path("", views.home, name="home"),
    path("pairs/", views.pair_list, name="pair-list"),
    path("pairs/<slug:slug>/", views.pair_detail, name="pair-detail"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting-detail"),
]
